using HyperRoute.Generators.Messages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HyperRoute.Generators;

/// <summary>
/// Compiles every <c>[Message]</c> struct into a binary reader and writer, and every <c>[MessageRouter]</c> class into
/// a <c>switch</c> on its message's key. Messages: parse (symbols → <see cref="MessageSpec"/>) → plan (spec →
/// bounds-checked segments) → emit (segments → C#). Routers: parse (symbols → <see cref="MessageRouterSpec"/>)
/// → plan (spec → switch arms) → emit (arms → C#).
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
            output.AddSource(spec!.Declaration.HintName, SourceText.From(MessageEmitter.Emit(plan), System.Text.Encoding.UTF8));
        });

        var routers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.MessageRouterAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                transform: MessageRouterParser.Parse)
            .WithTrackingName(TrackingNames.MessageRouterParse)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.MessageRouters);

        context.RegisterSourceOutput(routers, static (output, spec) =>
        {
            var plan = MessageRouterPlanner.Plan(spec!);
            output.AddSource(spec!.Declaration.HintName, SourceText.From(MessageRouterEmitter.Emit(plan), System.Text.Encoding.UTF8));
        });
    }
}
