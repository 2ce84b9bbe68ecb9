using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests;

public sealed class DispatcherSnapshotTests : GeneratorTestBase
{
    [Fact]
    public void Shop_api_with_literals_parameters_query_and_catch_all()
    {
        var result = Generate("""
            using System;
            using HyperRoute;

            namespace Shop;

            [Router]
            public partial class ShopApi
            {
                [Route("GET /health")]
                public static int Health() => 200;

                [Route("GET /users")]
                public static int ListUsers(int page = 1, int? size = null) => 200;

                [Route("GET /users/{id:int}")]
                public static int GetUser(int id, ReadOnlySpan<byte> fields = default) => 200;

                [Route("GET /users/new")]
                public static int NewUserForm() => 200;

                [Route("DELETE /users/{id:int:min(1)}")]
                public static int DeleteUser(long id) => 204;

                [Route("POST /users")]
                public static int CreateUser() => 201;

                [Route("GET /users/{name:alpha}/posts/{slug?}")]
                public static int UserPosts(ReadOnlySpan<byte> name, string? slug) => 200;

                [Route("GET /files/{*path}")]
                public static int File(ReadOnlySpan<byte> path) => 200;

                [Route("GET /orders/{id:guid}")]
                [Route("HEAD /orders/{id:guid}")]
                public static int Order(Guid id) => 200;
            }
            """);

        Snapshot.Match(SingleSource(result), "ShopApi");
    }
}
