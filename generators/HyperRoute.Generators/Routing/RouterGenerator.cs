using HyperRoute.Generators.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HyperRoute.Generators;

/// <summary>
/// Compiles every <c>[Router]</c> type into a switch-based UTF-8 dispatcher.
/// Read (symbols → <see cref="RouterSpec"/> through <see cref="RouterReader"/>, whose problems the analyzer reports)
/// → plan (spec → decision tree) → emit (tree → C#).
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
                transform: Read)
            .WithTrackingName(TrackingNames.Parse)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.Routers);

        // An app composes routers: its spec is theirs, read again and merged into one route table, planned and emitted
        // as a router's is. Equal specs keep it cached; an edit to one of its routers changes it.
        var apps = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.AppAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: ReadApp)
            .WithTrackingName(TrackingNames.AppParse)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.Apps);

        context.RegisterSourceOutput(routers, Emit);
        context.RegisterSourceOutput(apps, Emit);
    }

    private static void Emit(SourceProductionContext output, RouterSpec? spec)
    {
        var plan = DispatchPlanner.Plan(spec!);
        output.AddSource(spec!.Declaration.HintName, SourceText.From(DispatcherEmitter.Emit(plan), System.Text.Encoding.UTF8));
    }

    // The composed model only: the problems and conflicts are AppAnalyzer's to report.
    private static RouterSpec? ReadApp(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
        => context.TargetSymbol is INamedTypeSymbol type
            && context.TargetNode is not Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax { Identifier.IsMissing: true }
            && AppReader.Read(type, context.SemanticModel.Compilation, cancellationToken) is { CanGenerate: true } read
                ? read.Model
                : null;

    // The model only: the problems (symbols, locations) are RouteAnalyzer's to report, and never enter the pipeline.
    // A type whose name is still being typed, or that cannot be extended, yields nothing.
    private static RouterSpec? Read(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
        => context.TargetSymbol is INamedTypeSymbol type
            && context.TargetNode is not Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax { Identifier.IsMissing: true }
            && RouterReader.Read(type, cancellationToken) is { CanGenerate: true } read
                ? read.Model
                : null;
}
