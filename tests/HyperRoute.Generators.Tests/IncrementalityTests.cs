extern alias generator;

using System.Collections.Generic;
using System.Linq;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

using MessageGenerator = generator::HyperRoute.Generators.MessageGenerator;
using MessageRouterSpec = generator::HyperRoute.Generators.Messages.MessageRouterSpec;
using MessageSpec = generator::HyperRoute.Generators.Messages.MessageSpec;
using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using RouterSpec = generator::HyperRoute.Generators.Routing.RouterSpec;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// Edits that change what a generator reads: the edited type's model is <c>Modified</c> and its file regenerated, and
/// every other type's model is <c>Cached</c> or <c>Unchanged</c> and its file served from the cache, unchanged.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Api = """
        using HyperRoute;

        namespace Shop;

        [Router]
        public static partial class Orders
        {
            [Route("GET /orders/{id:int}")]
            public static int Get(int id) => 200;
        }

        [Router]
        public static partial class Users
        {
            [Route("GET /users/{id:int}")]
            public static int Get(int id) => 200;
        }
        """;

    private const string Admin = """
        using HyperRoute;

        namespace Shop;

        [Router]
        public static partial class Admin
        {
            [Route("GET /admin")]
            public static int Dashboard() => 200;
        }
        """;

    [Fact]
    public void Editing_a_route_regenerates_its_router_and_leaves_the_other_routers_cached()
    {
        var compilation = CompilationFactory.Create(Api, Admin);
        var first = GeneratorHarness.Verify(new RouterGenerator(), compilation, TrackingNames.Parse, TrackingNames.Routers);

        var edited = Edit(compilation, "Source0.cs", Api.Replace("GET /orders/{id:int}", "GET /orders/{id:long}"));
        var rerun = GeneratorHarness.Run(first.Driver, edited);

        var parsed = ModelReasons<RouterSpec>(rerun, TrackingNames.Parse, spec => spec.Declaration.Name);
        Assert.Equal(IncrementalStepRunReason.Modified, parsed["Orders"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, parsed["Users"]); // the edited file, parsed again, to an equal model
        Assert.True(parsed["Admin"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Admin was {parsed["Admin"]}");
        var emitted = OutputReasons<RouterSpec>(rerun, spec => spec.Declaration.Name);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted["Orders"]);
        Assert.Equal(IncrementalStepRunReason.Cached, emitted["Users"]);
        Assert.Equal(IncrementalStepRunReason.Cached, emitted["Admin"]);

        Assert.Contains("GET /orders/{id:long}", rerun.Source("Shop.Orders.Dispatch.g.cs").Source);
        Assert.NotEqual(first.Source("Shop.Orders.Dispatch.g.cs"), rerun.Source("Shop.Orders.Dispatch.g.cs"));
        Assert.Equal(first.Source("Shop.Users.Dispatch.g.cs"), rerun.Source("Shop.Users.Dispatch.g.cs"));
        Assert.Equal(first.Source("Shop.Admin.Dispatch.g.cs"), rerun.Source("Shop.Admin.Dispatch.g.cs"));
        GeneratorHarness.AssertCompilesCleanly(rerun);
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_the_OpenApi_document_cached()
    {
        var openApi = Api.Replace("[Router]\npublic static partial class Orders", "[Router]\n[OpenApi]\npublic static partial class Orders");
        Assert.Contains("[OpenApi]", openApi);
        const string Unrelated = "namespace Shop;\n\npublic static class Util\n{\n    public static int Answer => 42;\n}\n";
        var compilation = CompilationFactory.Create(openApi, Unrelated);
        var first = GeneratorHarness.Verify(new RouterGenerator(), compilation, TrackingNames.Parse, TrackingNames.Routers);

        var edited = Edit(compilation, "Source1.cs", Unrelated.Replace("42", "43"));
        var rerun = GeneratorHarness.Run(first.Driver, edited);

        var outputs = rerun.RunResult.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.Equal(3, outputs.Count); // two dispatchers and Orders' document
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(first.Source("Shop.Orders.OpenApi.g.cs"), rerun.Source("Shop.Orders.OpenApi.g.cs"));
    }

    private const string AsyncApi = """
        using System.Threading.Tasks;
        using HyperRoute;

        namespace Shop;

        [Router]
        public static partial class Slow
        {
            [Route("GET /slow")]
            [HandlerTimeout(500)]
            public static ValueTask Wait() => default;
        }

        [Router]
        public static partial class Fast
        {
            [Route("GET /fast")]
            public static ValueTask Go() => default;
        }
        """;

    [Fact]
    public void Editing_an_async_handler_s_time_limit_regenerates_its_router_with_the_new_limit_only()
    {
        var compilation = CompilationFactory.Create(AsyncApi, Admin);
        var first = GeneratorHarness.Verify(new RouterGenerator(), compilation, TrackingNames.Parse, TrackingNames.Routers);

        var edited = Edit(compilation, "Source0.cs", AsyncApi.Replace("[HandlerTimeout(500)]", "[HandlerTimeout(750)]"));
        var rerun = GeneratorHarness.Run(first.Driver, edited);

        var parsed = ModelReasons<RouterSpec>(rerun, TrackingNames.Parse, spec => spec.Declaration.Name);
        Assert.Equal(IncrementalStepRunReason.Modified, parsed["Slow"]);
        Assert.Equal(IncrementalStepRunReason.Unchanged, parsed["Fast"]);
        var emitted = OutputReasons<RouterSpec>(rerun, spec => spec.Declaration.Name);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted["Slow"]);
        Assert.Equal(IncrementalStepRunReason.Cached, emitted["Fast"]);
        Assert.Equal(IncrementalStepRunReason.Cached, emitted["Admin"]);

        Assert.Contains("exchange.Suspend(route, pending, 750)", rerun.Source("Shop.Slow.Dispatch.g.cs").Source);
        Assert.Equal(first.Source("Shop.Fast.Dispatch.g.cs"), rerun.Source("Shop.Fast.Dispatch.g.cs"));
        GeneratorHarness.AssertCompilesCleanly(rerun);
    }

    private const string Point = """
        using HyperRoute;

        namespace Devices;

        [Message(Endian.Little)]
        public partial struct Point
        {
            [Field(0)] public int X;
            [Field(1)] public int Y;
        }
        """;

    private const string Status = """
        using HyperRoute;

        namespace Devices;

        [Message]
        public partial struct Status
        {
            [Field(0)] public byte Kind;
            [Field(1)] public Point Position;
        }

        [MessageRouter(typeof(Status), nameof(Status.Kind))]
        public static partial class StatusRouter
        {
            [On(1)] static void Moved(in Status message) { }
        }
        """;

    [Fact]
    public void Editing_a_nested_message_regenerates_the_message_that_holds_it()
    {
        var compilation = CompilationFactory.Create(Point, Status);
        var first = GeneratorHarness.Verify(new MessageGenerator(), compilation, MessageSteps);

        // Point grows from 8 bytes to 12: Status, which holds it inline, reads and writes 4 more.
        var edited = Edit(compilation, "Source0.cs", Point.Replace("[Field(1)] public int Y;", "[Field(1)] public int Y;\n    [Field(2)] public int Z;"));
        var rerun = GeneratorHarness.Run(first.Driver, edited);

        var parsed = ModelReasons<MessageSpec>(rerun, TrackingNames.MessageParse, spec => spec.Declaration.Name);
        Assert.Equal(IncrementalStepRunReason.Modified, parsed["Point"]);
        Assert.Equal(IncrementalStepRunReason.Modified, parsed["Status"]);
        var emitted = OutputReasons<MessageSpec>(rerun, spec => spec.Declaration.Name);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted["Point"]);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted["Status"]);

        Assert.NotEqual(first.Source("Devices.Status.Message.g.cs"), rerun.Source("Devices.Status.Message.g.cs"));
        Assert.Contains("public const int FixedSize = 9;", first.Source("Devices.Status.Message.g.cs").Source);
        Assert.Contains("public const int FixedSize = 13;", rerun.Source("Devices.Status.Message.g.cs").Source);
        GeneratorHarness.AssertCompilesCleanly(rerun);
    }

    private const string Telemetry = """
        using HyperRoute;

        namespace Sensors;

        [Message]
        public partial struct Telemetry
        {
            [Field(0)] public ushort Kind;
            [Field(1)] public double Value;
        }
        """;

    private const string TelemetryRouter = """
        using HyperRoute;

        namespace Sensors;

        [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
        public static partial class TelemetryRouter
        {
            [On(1)] static void Temperature(in Telemetry message) { }
            [Otherwise] static void Unknown(in Telemetry message) { }
        }
        """;

    [Fact]
    public void Editing_the_routed_message_regenerates_the_message_router()
    {
        var compilation = CompilationFactory.Create(Telemetry, TelemetryRouter);
        var first = GeneratorHarness.Verify(new MessageGenerator(), compilation, MessageSteps);

        // The key becomes a uint: the router's switch reads it as one.
        var edited = Edit(compilation, "Source0.cs", Telemetry.Replace("public ushort Kind;", "public uint Kind;"));
        var rerun = GeneratorHarness.Run(first.Driver, edited);

        Assert.Equal(IncrementalStepRunReason.Modified, ModelReasons<MessageSpec>(rerun, TrackingNames.MessageParse, spec => spec.Declaration.Name)["Telemetry"]);
        Assert.Equal(IncrementalStepRunReason.Modified, ModelReasons<MessageRouterSpec>(rerun, TrackingNames.MessageRouterParse, spec => spec.Declaration.Name)["TelemetryRouter"]);
        Assert.Equal(IncrementalStepRunReason.Modified, OutputReasons<MessageRouterSpec>(rerun, spec => spec.Declaration.Name)["TelemetryRouter"]);

        var router = rerun.Source("Sensors.TelemetryRouter.MessageRouter.g.cs");
        Assert.NotEqual(first.Source("Sensors.TelemetryRouter.MessageRouter.g.cs"), router);
        Assert.Contains("uint", router.Source);
        GeneratorHarness.AssertCompilesCleanly(rerun);
    }

    private const string AppRouters = """
        using HyperRoute;

        namespace Shop;

        [Router(Prefix = "/orders")]
        public static partial class Orders
        {
            [Route("GET /{id:int}")]
            public static string Get(int id) => "order";
        }

        [Router]
        public static partial class Users
        {
            [Route("GET /users/{id:int}")]
            public static string Get(int id) => "user";
        }
        """;

    private const string App = """
        using HyperRoute;

        namespace Shop;

        [Router]
        public static partial class Health
        {
            [Route("GET /health")]
            public static string Get() => "ok";
        }

        [App(typeof(Orders), typeof(Health))]
        public static partial class ShopApp;
        """;

    private static readonly string[] AppSteps = { TrackingNames.Parse, TrackingNames.Routers, TrackingNames.AppParse, TrackingNames.Apps };

    [Fact]
    public void Editing_a_router_of_an_app_regenerates_the_router_and_the_app_only()
    {
        var compilation = CompilationFactory.Create(AppRouters, App);
        var first = GeneratorHarness.Verify(new RouterGenerator(), compilation, AppSteps);

        var edited = Edit(compilation, "Source0.cs", AppRouters.Replace("GET /{id:int}", "GET /{id:long}"));
        var rerun = GeneratorHarness.Run(first.Driver, edited);

        Assert.Equal(IncrementalStepRunReason.Modified, ModelReasons<RouterSpec>(rerun, TrackingNames.AppParse, spec => spec.Declaration.Name)["ShopApp"]);
        var emitted = OutputReasons<RouterSpec>(rerun, spec => spec.Declaration.Name);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted["Orders"]);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted["ShopApp"]);
        Assert.Equal(IncrementalStepRunReason.Cached, emitted["Users"]);
        Assert.Equal(IncrementalStepRunReason.Cached, emitted["Health"]);
        Assert.Contains("GET /orders/{id:long}", rerun.Source("Shop.ShopApp.App.g.cs").Source);
        GeneratorHarness.AssertCompilesCleanly(rerun);
    }

    [Fact]
    public void Editing_a_router_outside_an_app_leaves_the_app_cached()
    {
        var compilation = CompilationFactory.Create(AppRouters, App);
        var first = GeneratorHarness.Verify(new RouterGenerator(), compilation, AppSteps);

        var edited = Edit(compilation, "Source0.cs", AppRouters.Replace("GET /users/{id:int}", "GET /users/{id:long}"));
        var rerun = GeneratorHarness.Run(first.Driver, edited);

        var app = ModelReasons<RouterSpec>(rerun, TrackingNames.AppParse, spec => spec.Declaration.Name)["ShopApp"];
        Assert.True(app is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"ShopApp was {app}");
        var emitted = OutputReasons<RouterSpec>(rerun, spec => spec.Declaration.Name);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted["Users"]);
        Assert.Equal(IncrementalStepRunReason.Cached, emitted["Orders"]);
        Assert.Equal(IncrementalStepRunReason.Cached, emitted["ShopApp"]);
        Assert.Equal(first.Source("Shop.ShopApp.App.g.cs"), rerun.Source("Shop.ShopApp.App.g.cs"));
        GeneratorHarness.AssertCompilesCleanly(rerun);
    }

    private static readonly string[] MessageSteps =
        { TrackingNames.MessageParse, TrackingNames.Messages, TrackingNames.MessageRouterParse, TrackingNames.MessageRouters };

    private static Compilation Edit(Compilation compilation, string path, string source)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(source, CompilationFactory.ParseOptions, path));
    }

    // The reason of each model of the step, by the name of its type.
    private static Dictionary<string, IncrementalStepRunReason> ModelReasons<TSpec>(GeneratorResult result, string step, System.Func<TSpec, string> name)
        => result.RunResult.TrackedSteps[step]
            .SelectMany(run => run.Outputs)
            .Where(output => output.Value is TSpec)
            .ToDictionary(output => name((TSpec)output.Value), output => output.Reason);

    // The reason of each output (AddSource), by the name of the type of the model it read.
    private static Dictionary<string, IncrementalStepRunReason> OutputReasons<TSpec>(GeneratorResult result, System.Func<TSpec, string> name)
        => result.RunResult.TrackedOutputSteps
            .SelectMany(step => step.Value)
            .Select(run => (Model: run.Inputs.Select(input => input.Source.Outputs[input.OutputIndex].Value).OfType<TSpec>().SingleOrDefault(), Reason: run.Outputs.Single().Reason))
            .Where(output => output.Model is not null)
            .ToDictionary(output => name(output.Model!), output => output.Reason);
}
