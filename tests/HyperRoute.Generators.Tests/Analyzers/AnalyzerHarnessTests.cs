using System.Linq;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Sdk;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>The markup harness itself: what it parses, and what it prints when a test fails.</summary>
public sealed class AnalyzerHarnessTests
{
    [Fact]
    public void Markup_is_stripped_and_its_spans_recorded()
    {
        var marked = AnalyzerHarness.ParseMarkup("a[|bc|]d{|HR0001:e{|HR0002:f|}|}g");

        Assert.Equal("abcdefg", marked.Source);
        Assert.Equal(
            new[] { new ExpectedDiagnostic(null, new TextSpan(1, 2)), new ExpectedDiagnostic("HR0002", new TextSpan(5, 1)), new ExpectedDiagnostic("HR0001", new TextSpan(4, 2)) },
            marked.Expected);
    }

    [Fact]
    public void Braces_that_are_not_markup_stay_in_the_source()
    {
        var marked = AnalyzerHarness.ParseMarkup("\"GET /users/{id:{|HR0001:foo|}}\" { x || y }");

        Assert.Equal("\"GET /users/{id:foo}\" { x || y }", marked.Source);
        Assert.Equal(new TextSpan(16, 3), Assert.Single(marked.Expected).Span);
    }

    [Fact]
    public void Unclosed_markup_is_rejected()
    {
        Assert.Throws<System.ArgumentException>(() => AnalyzerHarness.ParseMarkup("a{|HR0001:b"));
    }

    [Fact]
    public void Printed_markup_parses_back_to_the_same_spans()
    {
        var diagnostics = new[] { ("HR0001", new TextSpan(1, 4)), ("HR0003", new TextSpan(2, 1)), ("HR0002", new TextSpan(5, 0)) };

        var markup = AnalyzerHarness.ToMarkup("abcdefg", diagnostics);

        Assert.Equal("a{|HR0001:b{|HR0003:c|}de|}{|HR0002:|}fg", markup);
        var parsed = AnalyzerHarness.ParseMarkup(markup);
        Assert.Equal("abcdefg", parsed.Source);
        Assert.Equal(diagnostics.OrderBy(d => d.Item1), parsed.Expected.Select(e => (e.Id!, e.Span)).OrderBy(d => d.Item1));
    }

    [Fact]
    public void Mismatch_prints_the_actual_diagnostics_as_markup()
    {
        var exception = Assert.Throws<XunitException>(() => AnalyzerHarness.Verify<RouteAnalyzer>("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:foo}")]
                public static int GetUser(int id) => 200;
            }
            """));

        Assert.Contains("Reported but not expected:", exception.Message);
        Assert.Contains("[Route(\"GET /users/{id:{|HR0001:foo|}}\")]", exception.Message);
    }

    [Fact]
    public void Any_id_markup_expects_a_diagnostic_of_the_analyzer_under_test()
    {
        AnalyzerHarness.Verify<RouteAnalyzer>("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:[|foo|]}")]
                public static int GetUser(int id) => 200;
            }
            """);
    }

    [Fact]
    public void Source_that_does_not_compile_fails_before_the_analyzer_runs()
    {
        var exception = Assert.Throws<XunitException>(() => AnalyzerHarness.Verify<RouteAnalyzer>("""
            public class Broken { int M() => "text"; }
            """));

        Assert.Contains("must compile", exception.Message);
        Assert.Contains("CS0029", exception.Message);
    }
}
