extern alias generator;

using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests;

/// <summary>The generator never throws on user code, however broken, and stays fast on large routers.</summary>
public sealed class RobustnessTests : GeneratorTestBase<RouterGenerator>
{
    public static TheoryData<string> BrokenDeclarations() => new()
    {
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x"] public static int X() => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route(] public static int X() => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route] public static int X() => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route(42)] public static int X() => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route(null)] public static int X() => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x", "extra")] public static int X() => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x/{id:int}")] public static Missing X(int id) => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x/{id:int}")] public static int X(Missing id) => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x/{id:int}")] public static int X(int id""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x/{id:int}")] public static int X<T>(int id) => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x")] public static ref int X() => throw null!; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x/{id}")] public static int X(ref int id) => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x")] public int X { get; } }""",
        """[HyperRoute.Router] public partial class A<T> { [HyperRoute.Route("GET /x")] public static int X() => 1; }""",
        """[HyperRoute.Router] public class NotPartial { [HyperRoute.Route("GET /x")] public static int X() => 1; }""",
        """public class Outer { [HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x")] public static int X() => 1; } }""",
        """[HyperRoute.Router] public partial interface I { }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /{a}/{b}/{c}/{a}")] public static int X(int a, int b, int c) => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /{*")] public static int X() => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /\u0000")] public static int X() => 1; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x")] public static int X() => 1; [HyperRoute.Route("GET /x")] public static int Y() => 2; }""",
        """[HyperRoute.Router] public partial class A { [HyperRoute.Route("GET /x")] public abstract int X(); }""",
        """[HyperRoute.Router] partial class""",
        """[HyperRoute.Router] public static partial class S { [HyperRoute.Route("GET /x")] public int X() => 1; }""",
        """[HyperRoute.Router] public partial struct S { [HyperRoute.Route("GET /x/{id:int}")] public int X(int id) => id; }""",
        // Apps ([App(…)]) over a router A, however broken: the app is left out or serves what it can, never throws.
        AppOver("""[HyperRoute.App(null)] public static partial class P;"""),
        AppOver("""[HyperRoute.App] public static partial class P;"""),
        AppOver("""[HyperRoute.App(typeof(Missing))] public static partial class P;"""),
        AppOver("""[HyperRoute.App(typeof(A), typeof(A), typeof(int), typeof(System.Collections.Generic.List<>))] public static partial class P;"""),
        AppOver("""[HyperRoute.App(new[] { typeof(A) })] public static partial class P;"""),
        AppOver("""[HyperRoute.App(typeof(A))] public static class NotPartial;"""),
        AppOver("""[HyperRoute.App(typeof(A))] public partial class G<T>;"""),
        AppOver("""[HyperRoute.App(typeof(P))] public static partial class P;"""),
        AppOver("""[HyperRoute.App(typeof(A))] [HyperRoute.Router] public static partial class Both { [HyperRoute.Route("GET /both")] public static string Both1() => "b"; }"""),
        AppOver("""[HyperRoute.App(typeof(A), typeof(Hidden), typeof(Counter))] public static partial class P; [HyperRoute.Router] public static partial class Hidden { [HyperRoute.Route("GET /h")] private static string H() => "h"; } [HyperRoute.Router] public partial class Counter { [HyperRoute.Route("GET /c")] public string C() => "c"; }"""),
        AppOver("""[HyperRoute.App(typeof(P.Inner))] public static partial class P { [HyperRoute.Router] private static partial class Inner { [HyperRoute.Route("GET /i")] internal static string I() => "i"; } }"""),
        AppOver("""[HyperRoute.App(typeof(A))] public static partial class P { public static int HttpEndpoint; }"""),
        """[HyperRoute.Router] public partial record R { [HyperRoute.Route("GET /x/{v:double}")] public static double X(double v = double.NaN, float f = 1.5f, decimal m = 2.5m) => v; }""",
    };

    private static string AppOver(string app)
        => app + """ [HyperRoute.Router(Prefix = "/a")] public static partial class A { [HyperRoute.Route("GET /x")] public static string X() => "x"; }""";

    [Theory]
    [MemberData(nameof(BrokenDeclarations))]
    public void Generator_reports_no_exception_on_broken_declarations(string source)
    {
        var compilation = CompilationFactory.Create(source);

        var result = GenerateFromBrokenCode(compilation);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        // Whatever it generated must not add errors of its own to the user's.
        var before = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToHashSet();
        var introduced = result.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs") == true)
            .Select(d => d.ToString())
            .ToList();
        Assert.Empty(introduced);
        _ = before;
    }

    [Fact]
    public void Router_with_a_thousand_routes_generates_in_well_under_a_second_and_compiles()
    {
        var source = new StringBuilder("using HyperRoute;\n[Router]\npublic static partial class Big\n{\n");
        for (var i = 0; i < 500; i++) // 1000 routes: half with a parameter, half literal
        {
            source.Append($"    [Route(\"GET /api/v1/resource{i}/items/{{id:int}}\")] public static int R{i}(int id) => id + {i};\n");
            source.Append($"    [Route(\"GET /api/v1/resource{i}/status\")] public static int S{i}() => {i};\n");
        }

        source.Append("}\n");
        var compilation = CompilationFactory.Create(source.ToString());
        // JIT the generator's own code on a small router first: the figure is the steady cost, as in an IDE. The
        // router has enough literals at one place (65) to take the paths a large router takes.
        var warm = new StringBuilder("[HyperRoute.Router] public static partial class Warm {\n");
        for (var i = 0; i < 65; i++)
        {
            warm.Append($"[HyperRoute.Route(\"GET /w{i}/{{id:int}}\")] public static int A{i}(int id) => id; [HyperRoute.Route(\"GET /w{i}\")] public static int B{i}() => 1;\n");
        }

        GeneratorHarness.Run(new RouterGenerator(), CompilationFactory.Create(warm.Append('}').ToString()));

        // The best of three fresh runs (a new driver each time, so nothing is cached), in the CPU time of this thread:
        // the figure is the generator's cost, not the machine's load (a parallel test, another build, a CI neighbour).
        var best = TimeSpan.MaxValue;
        GeneratorResult? result = null;
        for (var run = 0; run < 3; run++)
        {
            var started = ThreadCpuClock.Now();
            result = GeneratorHarness.Run(new RouterGenerator(), compilation);
            var took = ThreadCpuClock.Now() - started;
            best = took < best ? took : best;
        }

        Assert.True(best.TotalMilliseconds < 1000, $"generation took {best.TotalMilliseconds:F0} ms of CPU at best of three runs");
        GeneratorHarness.AssertCompilesCleanly(result!);
    }
}
