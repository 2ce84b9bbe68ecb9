using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR0008: [HotPath] where there is no body to check is reported on the attribute.</summary>
public sealed class HotPathAnalyzerTests
{
    private static Task Verify(string markup) => CSharpAnalyzerVerifier<HotPathAnalyzer>.VerifyAnalyzerAsync(markup);

    [Fact]
    public async Task Abstract_members_are_reported()
    {
        await Verify("""
            using HyperRoute;

            public abstract class Handler
            {
                [{|HR0008:HotPath|}]
                public abstract int Handle(int x);

                [{|HR0008:HotPath|}]
                public abstract int Size { get; }
            }
            """);
    }

    [Fact]
    public async Task Interface_members_without_a_default_body_are_reported()
    {
        await Verify("""
            using HyperRoute;

            public interface IParser
            {
                [{|HR0008:HotPath|}]
                int Parse(int x);

                [{|HR0008:HotPath|}]
                static abstract int Create();

                [HotPath]
                int Twice(int x) => Parse(x) * 2;
            }
            """);
    }

    [Fact]
    public async Task Extern_methods_are_reported()
    {
        await Verify("""
            using System.Runtime.InteropServices;
            using HyperRoute;

            public static class Native
            {
                [{|HR0008:HotPath|}]
                [DllImport("native")]
                public static extern int Call(int x);
            }
            """);
    }

    [Fact]
    public async Task Partial_method_without_implementation_is_reported()
    {
        await Verify("""
            using HyperRoute;

            public partial class Hooks
            {
                [{|HR0008:HotPath|}]
                partial void OnRequest();
            }
            """);
    }

    [Fact]
    public async Task Members_with_bodies_are_not_reported()
    {
        await Verify("""
            using HyperRoute;

            public abstract class Handler
            {
                public abstract int Handle(int x);
            }

            public sealed class Echo : Handler
            {
                [HotPath]
                public Echo() { }

                [HotPath]
                public override int Handle(int x) => x;

                [HotPath]
                public int Size { get; set; }

                [HotPath]
                public int Twice => Handle(2);
            }

            public partial class Hooks
            {
                [HotPath]
                partial void OnRequest();

                partial void OnRequest() { }

                public partial int Count();

                [HotPath]
                public partial int Count() => 1;
            }
            """);
    }
}
