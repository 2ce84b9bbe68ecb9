extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests;

/// <summary>The document of an <c>[App]</c>: every router's routes, each tagged with its router's name.</summary>
public sealed class OpenApiAppSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    protected override string[] TrackedSteps { get; } = [TrackingNames.Parse, TrackingNames.Routers, TrackingNames.AppParse, TrackingNames.Apps];

    [Fact]
    public void An_app_s_document_holds_the_routes_of_its_routers_tagged_by_router()
    {
        var result = Generate(AppSnapshotTests.Shop + """
            [App(typeof(TodoApi), typeof(StatusApi))]
            [OpenApi]
            public static partial class ShopApp;
            """);

        var source = result.Source("Shop.ShopApp.OpenApi.g.cs");
        Assert.Contains("\"TodoApi\"", source.Source);
        Assert.Contains("\"StatusApi\"", source.Source);
        Snapshot.Match(source);
    }
}
