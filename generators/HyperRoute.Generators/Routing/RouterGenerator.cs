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

        // [OpenApi]: the document is written from the same spec (its OpenApi part read with it), into a file of its own.
        context.RegisterSourceOutput(routers.Where(static spec => spec!.OpenApi is not null), EmitOpenApi);
        context.RegisterSourceOutput(apps.Where(static spec => spec!.OpenApi is not null), EmitOpenApi);
    }

    private static void EmitOpenApi(SourceProductionContext output, RouterSpec? spec)
        => output.AddSource(OpenApiEmitter.HintName(spec!), OpenApiEmitter.Emit(spec!));

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
                ? WithOpenApi(type, AppRouters(type), read.Model, isApp: true)
                : null;

    // The routers an app lists, as far as they resolve (AppReader reports the rest).
    private static INamedTypeSymbol[] AppRouters(INamedTypeSymbol app)
        => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.OfType<INamedTypeSymbol>(System.Linq.Enumerable.Select(
            System.Linq.Enumerable.SelectMany(
                System.Linq.Enumerable.Where(app.GetAttributes(), a => KnownNames.Is(a.AttributeClass, KnownNames.AppAttribute)),
                a => System.Linq.Enumerable.SelectMany(a.ConstructorArguments, c => c.IsNull ? System.Collections.Immutable.ImmutableArray<TypedConstant>.Empty : c.Kind == TypedConstantKind.Array ? c.Values : System.Collections.Immutable.ImmutableArray.Create(c))),
            c => c.Value)));

    private static RouterSpec WithOpenApi(INamedTypeSymbol type, System.Collections.Generic.IReadOnlyList<INamedTypeSymbol> routers, RouterSpec model, bool isApp)
        => OpenApiReader.Read(type, routers, model, isApp) is { } openApi ? model with { OpenApi = openApi } : model;

    // The model only: the problems (symbols, locations) are RouteAnalyzer's to report, and never enter the pipeline.
    // A type whose name is still being typed, or that cannot be extended, yields nothing.
    private static RouterSpec? Read(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
        => context.TargetSymbol is INamedTypeSymbol type
            && context.TargetNode is not Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax { Identifier.IsMissing: true }
            && RouterReader.Read(type, cancellationToken) is { CanGenerate: true } read
                ? WithOpenApi(type, new[] { type }, read.Model, isApp: false)
                : null;
}
