using HyperRoute.Common;
using HyperRoute.Generators.Emitting;
using HyperRoute.Generators.Parsing;
using HyperRoute.Generators.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HyperRoute.Generators;

/// <summary>
/// Compiles every <c>[Message]</c> struct into a binary reader and writer.
/// Parse (symbols → <see cref="Model.MessageSpec"/>) → plan (spec → bounds-checked segments) → emit (segments → C#).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MessageGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var messages = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.MessageAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                transform: MessageParser.Parse)
            .WithTrackingName(TrackingNames.MessageParse)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.Messages);

        context.RegisterSourceOutput(messages, static (output, spec) =>
        {
            var plan = MessagePlanner.Plan(spec!);
            output.AddSource(spec!.HintName, SourceText.From(MessageEmitter.Emit(plan), System.Text.Encoding.UTF8));
        });
    }
}
