using HyperRoute.Generators.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HyperRoute.Generators;

/// <summary>
/// Compiles every <c>[Router]</c> type into a switch-based UTF-8 dispatcher.
/// Parse (symbols → <see cref="RouterSpec"/>) → plan (spec → decision tree) → emit (tree → C#).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RouterGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var routers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.RouterAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                transform: RouterParser.Parse)
            .WithTrackingName(TrackingNames.Parse)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.Routers);

        context.RegisterSourceOutput(routers, static (output, spec) =>
        {
            var plan = DispatchPlanner.Plan(spec!);
            output.AddSource(spec!.Declaration.HintName, SourceText.From(DispatcherEmitter.Emit(plan), System.Text.Encoding.UTF8));
        });
    }
}
