using HyperRoute.Generators.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HyperRoute.Generators;

/// <summary>
/// Writes the body of every <c>[Forward]</c> route handler (a bodiless partial method of a router). The router's own
/// generator compiles the route as any asynchronous route: its validators, transforms and time limit apply.
/// Read (symbols → <see cref="ForwardSpec"/> through <see cref="ForwardReader"/>, whose problems the analyzer reports)
/// → emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ForwardGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the read step, for caching tests.</summary>
    public const string ForwardsTrackingName = "HyperRoute.Forwards";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var forwards = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ForwardReader.ForwardAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                transform: static (context, cancellationToken) => context.TargetSymbol is IMethodSymbol method
                    ? ForwardReader.Read(method, cancellationToken, out _)
                    : null)
            .Where(static spec => spec is not null)
            .WithTrackingName(ForwardsTrackingName);

        context.RegisterSourceOutput(forwards, static (output, spec) =>
            output.AddSource(spec!.Type.HintName, SourceText.From(ForwardEmitter.Emit(spec), System.Text.Encoding.UTF8)));
    }
}
