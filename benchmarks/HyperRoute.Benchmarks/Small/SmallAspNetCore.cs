using System.Threading.Tasks;
using HyperRoute.Benchmarks.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HyperRoute.Benchmarks.Small;

/// <summary>
/// The 10-route table mapped on ASP.NET Core endpoint routing. The endpoints are plain
/// <see cref="RequestDelegate"/>s (the leanest ASP.NET Core handler: no minimal-API binding, no result
/// writing) that read <c>{id}</c> from the route values and call the same <see cref="SmallApi"/> handlers.
/// </summary>
public static class SmallAspNetCore
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", static context => AspNetCorePipeline.Complete(SmallApi.Root()));
        app.MapGet("/users", static context => AspNetCorePipeline.Complete(SmallApi.ListUsers()));
        app.MapPost("/users", static context => AspNetCorePipeline.Complete(SmallApi.CreateUser()));
        app.MapGet("/users/{id:int}", static context => AspNetCorePipeline.Complete(SmallApi.GetUser(AspNetCorePipeline.RouteInt(context, "id"))));
        app.MapPut("/users/{id:int}", static context => AspNetCorePipeline.Complete(SmallApi.UpdateUser(AspNetCorePipeline.RouteInt(context, "id"))));
        app.MapDelete("/users/{id:int}", static context => AspNetCorePipeline.Complete(SmallApi.DeleteUser(AspNetCorePipeline.RouteInt(context, "id"))));
        app.MapGet("/health", static context => AspNetCorePipeline.Complete(SmallApi.Health()));
        app.MapGet("/products", static context => AspNetCorePipeline.Complete(SmallApi.ListProducts()));
        app.MapGet("/products/{id:int}", static context => AspNetCorePipeline.Complete(SmallApi.GetProduct(AspNetCorePipeline.RouteInt(context, "id"))));
        app.MapGet("/orders/{id:int}/items", static context => AspNetCorePipeline.Complete(SmallApi.ListOrderItems(AspNetCorePipeline.RouteInt(context, "id"))));
    }
}
