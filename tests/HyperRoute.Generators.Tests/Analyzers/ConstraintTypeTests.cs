using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR0007: a constraint no value of the handler parameter's type can satisfy is reported on the parameter.</summary>
public sealed class ConstraintTypeTests
{
    private static Task Verify(string markup) => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(markup);

    // ---- positives

    [Fact]
    public async Task Int_constraint_bound_to_guid_is_reported()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /orders/{id:int}")]
                public static int Get(Guid {|HR0007:id|}) => 1;
            }
            """);
    }

    [Fact]
    public async Task Guid_constraint_bound_to_int_is_reported()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /orders/{id:guid}")]
                public static int Get(int? {|HR0007:id|}) => 1;
            }
            """);
    }

    [Fact]
    public async Task Alpha_constraint_bound_to_a_number_is_reported()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{x:alpha}")]
                public static int Get(double {|HR0007:x|}) => 1;
            }
            """);
    }

    [Fact]
    public async Task Bool_constraint_bound_to_a_number_is_reported()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{flag:bool}")]
                public static int Get(int {|HR0007:flag|}) => 1;
            }
            """);
    }

    [Fact]
    public async Task Numeric_bounds_bound_to_guid_or_bool_are_reported()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{x:min(1)}")]
                public static int A(Guid {|HR0007:x|}) => 1;

                [Route("GET /b/{x:range(1,9)}")]
                public static int B(bool {|HR0007:x|}) => 1;
            }
            """);
    }

    [Fact]
    public async Task Bounds_wholly_outside_an_integer_type_are_reported()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{n:min(300)}")]
                public static int A(byte {|HR0007:n|}) => 1;

                [Route("GET /b/{n:int:max(-1)}")]
                public static int B(uint {|HR0007:n|}) => 1;

                [Route("GET /c/{n:range(40000,50000)}")]
                public static int C(short {|HR0007:n|}) => 1;
            }
            """);
    }

    [Fact]
    public Task The_message_names_the_constraint_and_the_type()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /orders/{Id:int:min(1)}")]
                public static int Get(Guid {|#0:id|}) => 1;
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0007").WithLocation(0).WithArguments(
                "Id", "int", "id", "Guid", "a number never converts to Guid; make the parameter int (or string), or change the constraint"));
    }

    // ---- negatives

    [Fact]
    public async Task Widening_nullable_and_textual_types_are_fine()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{id:int}")]
                public static int A(long id) => 1;

                [Route("GET /b/{id:int}")]
                public static int B(int? id) => 1;

                [Route("GET /c/{id:int}")]
                public static int C(string id) => 1;

                [Route("GET /d/{id:int}")]
                public static int D(ReadOnlySpan<byte> id) => 1;

                [Route("GET /e/{id:int}")]
                public static int E(double id) => 1;

                [Route("GET /f/{id:guid}")]
                public static int F(Guid? id) => 1;

                [Route("GET /g/{x:alpha}")]
                public static int G(string x) => 1;

                [Route("GET /h/{x:bool}")]
                public static int H(bool x) => 1;

                [Route("GET /i/{x:alpha}")]
                public static int I(bool x) => 1;

                [Route("GET /j/{x:min(1)}")]
                public static int J(string x) => 1;

                [Route("GET /k/{x:length(3)}")]
                public static int K(int x) => 1;
            }
            """);
    }

    [Fact]
    public async Task Narrowing_that_leaves_some_values_is_not_reported()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{id:long}")]
                public static int A(int id) => 1;

                [Route("GET /b/{x:double}")]
                public static int B(int x) => 1;

                [Route("GET /c/{n:range(200,300)}")]
                public static int C(byte n) => 1;

                [Route("GET /d/{n:int}")]
                public static int D(ulong n) => 1;
            }
            """);
    }

    [Fact]
    public async Task Unconstrained_and_query_parameters_are_not_checked()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{id}")]
                public static int A(Guid id, bool verbose = false) => 1;
            }
            """);
    }
}
