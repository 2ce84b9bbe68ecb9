extern alias generator;

using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// Handler accessibility is never an HR0004: the dispatcher is generated into the router type itself, so it calls
/// private and protected handlers like public ones. Verified against the generator, not assumed.
/// </summary>
public sealed class HandlerAccessibilityTests
{
    private const string Source = """
        using HyperRoute;

        [Router]
        public partial class Api
        {
            [Route("GET /a")]
            private static int A() => 1;

            [Route("GET /b/{id:int}")]
            protected static int B(int id) => 2;

            [Route("GET /c")]
            private protected static int C() => 3;

            [Route("GET /d")]
            internal static int D() => 4;

            [Route("GET /e")]
            public static int E() => 5;
        }

        public partial class Outer
        {
            [Router]
            private partial class Nested
            {
                [Route("GET /x")]
                private static int X() => 1;
            }
        }
        """;

    [Fact]
    public async Task Private_and_protected_handlers_report_nothing()
    {
        await CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(Source);
    }

    [Fact]
    public void Private_and_protected_handlers_compile_into_the_dispatcher()
    {
        var compilation = CompilationFactory.Create(Source);
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new RouterGenerator().AsSourceGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.True(output.SyntaxTrees.Count() > compilation.SyntaxTrees.Count(), "the generator added no source");
    }
}
