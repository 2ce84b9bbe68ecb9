using HyperRoute.Generators;
using HyperRoute.Generators.Routing;
using HyperRoute.Generators.Steps;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers;

/// <summary>
/// Reports every route the generator cannot compile, and why: it walks each <c>[Router]</c> type the way
/// <c>RouterParser</c> does, with the same shared template parser (HR0001) and binder (HR0003), the same
/// router rules (HR0002) and handler rules (HR0004); it reports <c>[Route]</c>s no router serves (HR0005), routes
/// the dispatcher cannot tell apart (HR0006), constraints no value of the parameter's type can satisfy (HR0007), and
/// <c>[Header]</c>/<c>[Body]</c> parameters the binder rejects (HR0009–HR0012), and routes that bind the HTTP exchange in a
/// router that cannot be served over HTTP (HR0013), and members of the router named like the generated ones (HR0014).
/// Code that does not compile is left to the compiler: this analyzer reports nothing the compiler already does.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RouteAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidRouteTemplate,
        DiagnosticDescriptors.RouterCannotBeGenerated,
        DiagnosticDescriptors.RouteCannotBind,
        DiagnosticDescriptors.HandlerCannotBeCompiled,
        DiagnosticDescriptors.RouteOutsideRouter,
        DiagnosticDescriptors.RouteConflict,
        DiagnosticDescriptors.ConstraintContradictsType,
        DiagnosticDescriptors.HeaderCannotBind,
        DiagnosticDescriptors.InvalidHeaderName,
        DiagnosticDescriptors.InvalidBodyParameter,
        DiagnosticDescriptors.RequestPartNamedInTemplate,
        DiagnosticDescriptors.ExchangeBindingWithoutEndpoint,
        DiagnosticDescriptors.JsonBodyWithoutContext,
        DiagnosticDescriptors.ReservedMemberName);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Without the HyperRoute runtime there is no [Route] to look at.
            if (start.Compilation.GetTypesByMetadataName(KnownNames.RouteAttribute).IsEmpty)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(AnalyzeFunction, SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var reporter = new Reporter(context.ReportDiagnostic);
        if (type.GetAttributes().Any(a => IsAttribute(a.AttributeClass, KnownNames.RouterAttribute)))
        {
            AnalyzeRouter(type, reporter, context.CancellationToken);
            return;
        }

        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            foreach (var attribute in method.GetAttributes().Where(IsRoute))
            {
                reporter.Report(DiagnosticDescriptors.RouteOutsideRouter, AttributeLocation(attribute, context.CancellationToken), method.Name, RouterRules.Display(type));
            }
        }
    }

    // Mirrors RouterParser.Parse: same member order, same checks in the same order, the same result type
    // bookkeeping; where the generator stops at a route's first problem, this reports every independent one.
    private static void AnalyzeRouter(INamedTypeSymbol router, Reporter reporter, CancellationToken cancellationToken)
    {
        if (RouterRules.WhyNotExtensible(router, cancellationToken, out var routerLocation) is { } whyNotExtensible)
        {
            reporter.Report(DiagnosticDescriptors.RouterCannotBeGenerated, routerLocation, router.Name, whyNotExtensible);
        }

        foreach (var (name, location) in ReservedNames.Collisions(router))
        {
            reporter.Report(DiagnosticDescriptors.ReservedMemberName, location, router.Name, name);
        }

        string? resultType = null;
        string? resultTypeDisplay = null;
        var resultIsHttpResult = false;
        var compiled = new List<CompiledRoute>();
        var json = JsonContextReader.Read(router);
        foreach (var method in router.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var attribute in method.GetAttributes().Where(IsRoute))
            {
                if (!PatternLocator.TryGetPattern(attribute, cancellationToken, out var pattern, out var patternSyntax))
                {
                    continue; // the attribute does not bind: a compiler error already
                }

                var whyNotHandler = RouterRules.WhyNotHandler(method);
                if (whyNotHandler is not null)
                {
                    reporter.Report(DiagnosticDescriptors.HandlerCannotBeCompiled, method.Locations.FirstOrDefault(), RouterRules.HandlerName(method), whyNotHandler);
                }

                if (!RouteTemplateParser.TryParse(pattern, out var template, out var templateError))
                {
                    var location = PatternLocator.Locate(patternSyntax, templateError!.Start, templateError.Length);
                    reporter.Report(DiagnosticDescriptors.InvalidRouteTemplate, location ?? AttributeLocation(attribute, cancellationToken), templateError.Message);
                    continue;
                }

                ReportContradictions(method, template!, reporter);
                var bound = BindOrReport(method, template!, json, patternSyntax, attribute, reporter, cancellationToken);
                if (whyNotHandler is null && bound && (method.ReturnsVoid || method.ReturnType.TypeKind != TypeKind.Error))
                {
                    compiled.Add(new CompiledRoute(template!, method, patternSyntax?.GetLocation() ?? AttributeLocation(attribute, cancellationToken)));
                }

                if (whyNotHandler is null && bound && !method.ReturnsVoid && method.ReturnType.TypeKind != TypeKind.Error)
                {
                    var returnType = method.ReturnType.ToDisplayString(RouterRules.ResultTypeFormat);
                    if (resultType is null)
                    {
                        resultType = returnType;
                        resultTypeDisplay = RouterRules.Display(method.ReturnType);
                        resultIsHttpResult = IsHttpResult(method.ReturnType);
                    }
                    else if (resultType != returnType)
                    {
                        reporter.Report(DiagnosticDescriptors.HandlerCannotBeCompiled, method.Locations.FirstOrDefault(), method.Name, RouterRules.ResultTypeMismatch(method, resultTypeDisplay!));
                        compiled.RemoveAt(compiled.Count - 1); // the generator leaves it out
                    }
                }
            }
        }

        ReportConflicts(compiled, reporter);
        if (resultType is not null && !resultIsHttpResult)
        {
            // Mirrors RouterSpec.HasHttpEndpoint: without an endpoint, a route that needs the exchange never runs.
            foreach (var route in compiled.Where(r => NeedsExchange(r.Handler)))
            {
                reporter.Report(DiagnosticDescriptors.ExchangeBindingWithoutEndpoint, route.Handler.Locations.FirstOrDefault(), route.Handler.Name, resultTypeDisplay);
            }
        }
    }

    // Mirrors RouteSpec.NeedsExchange: a binding from the exchange, or a validator or transform on the route or a parameter.
    private static bool NeedsExchange(IMethodSymbol handler)
        => handler.Parameters.Select(HandlerParameterReader.Read).Any(p => p.Header is not null || p.IsBody || p.Context != ContextKind.None)
            || handler.GetAttributes().Concat(handler.Parameters.SelectMany(p => p.GetAttributes())).Any(a => StepReader.IsStepAttribute(a.AttributeClass, out _));

    // Mirrors RouterParser.IsHttpResult.
    private static bool IsHttpResult(ITypeSymbol type)
        => type.ToDisplayString() == KnownNames.HttpResultInterface
            || type.AllInterfaces.Any(i => i.ToDisplayString() == KnownNames.HttpResultInterface);

    // HR0006 over the routes the generator compiles (a route it leaves out cannot conflict), on both routes.
    private static void ReportConflicts(List<CompiledRoute> routes, Reporter reporter)
    {
        foreach (var conflict in RouteConflicts.Find(routes.Select(r => r.Template).ToList()))
        {
            var first = routes[conflict.First];
            var second = routes[conflict.Second];
            if (conflict.Kind == ConflictKind.EqualPrecedence)
            {
                const string Reason = "a request can match both with equal precedence, so the one declared first always takes it and the other is never reached; remove one, or tell them apart with a literal or a constraint";
                reporter.Report(DiagnosticDescriptors.RouteConflict, first.Location, first.Template.Pattern, second.Template.Pattern, RouterRules.HandlerName(second.Handler), Reason);
                reporter.Report(DiagnosticDescriptors.RouteConflict, second.Location, second.Template.Pattern, first.Template.Pattern, RouterRules.HandlerName(first.Handler), Reason);
                continue;
            }

            // First is the optional route whose absent form the second route shadows.
            reporter.Report(
                DiagnosticDescriptors.RouteConflict,
                first.Location,
                first.Template.Pattern,
                second.Template.Pattern,
                RouterRules.HandlerName(second.Handler),
                "without its optional segment it matches exactly the requests the other route matches, and the other route takes precedence, so that form is never reached; make the segment required, or remove the other route");
            reporter.Report(
                DiagnosticDescriptors.RouteConflict,
                second.Location,
                second.Template.Pattern,
                first.Template.Pattern,
                RouterRules.HandlerName(first.Handler),
                "the other route without its optional segment matches exactly the requests this route matches; this route takes precedence, so that form of the other route is never reached");
        }
    }

    // HR0007 on each handler parameter bound by a template parameter whose constraints it can never satisfy.
    private static void ReportContradictions(IMethodSymbol method, RouteTemplate template, Reporter reporter)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Error
                || template.FindParameter(parameter.Name) is not { Constraints.Count: > 0 } segment
                || HandlerParameterReader.Read(parameter).Type is not { } type
                || ConstraintTypeRules.Find(segment.Constraints, type) is not { } contradiction)
            {
                continue;
            }

            reporter.Report(
                DiagnosticDescriptors.ConstraintContradictsType,
                parameter.Locations.FirstOrDefault(),
                segment.Name,
                contradiction.Constraint,
                parameter.Name,
                RouterRules.Display(parameter.Type),
                contradiction.Reason);
        }
    }

    // Reports why the handler's parameters cannot bind to the template; returns true when they bind.
    private static bool BindOrReport(IMethodSymbol method, RouteTemplate template, JsonBodyContext json, SyntaxNode? patternSyntax, AttributeData attribute, Reporter reporter, CancellationToken cancellationToken)
    {
        var parameters = method.Parameters.Select(HandlerParameterReader.Read).ToArray();
        if (RouteBinder.TryBind(template, parameters, json, out _, out var error))
        {
            return true;
        }

        Location? location;
        if (error!.ParameterIndex >= 0 && error.ParameterIndex < method.Parameters.Length)
        {
            var parameter = method.Parameters[error.ParameterIndex];
            if (parameter.Type.TypeKind == TypeKind.Error)
            {
                return false; // the type does not resolve: a compiler error already
            }

            location = parameter.Locations.FirstOrDefault();
            if (error.Kind == BindingErrorKind.HeaderName)
            {
                // On the name as written in [Header("…")]; an argument that does not bind is a compiler error already.
                var header = parameter.GetAttributes().FirstOrDefault(a => IsAttribute(a.AttributeClass, KnownNames.HeaderAttribute));
                if (header is null || header.ConstructorArguments.Length != 1 || header.ConstructorArguments[0].Kind == TypedConstantKind.Error)
                {
                    return false;
                }

                var syntax = header.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                location = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression.GetLocation() ?? syntax?.GetLocation() ?? location;
            }
            else if (error.Kind == BindingErrorKind.JsonBody)
            {
                // On the [Body] attribute: the binding that needs the JSON context.
                var body = parameter.GetAttributes().FirstOrDefault(a => IsAttribute(a.AttributeClass, KnownNames.BodyAttribute));
                location = body?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
            }
        }
        else if (error.SegmentIndex >= 0 && error.SegmentIndex < template.Segments.Count)
        {
            var segment = template.Segments[error.SegmentIndex];
            location = PatternLocator.Locate(patternSyntax, segment.Start, segment.Text.Length);
        }
        else
        {
            location = patternSyntax?.GetLocation();
        }

        var descriptor = error.Kind switch
        {
            BindingErrorKind.HeaderType => DiagnosticDescriptors.HeaderCannotBind,
            BindingErrorKind.HeaderName => DiagnosticDescriptors.InvalidHeaderName,
            BindingErrorKind.Body => DiagnosticDescriptors.InvalidBodyParameter,
            BindingErrorKind.NamedInTemplate => DiagnosticDescriptors.RequestPartNamedInTemplate,
            BindingErrorKind.JsonBody => DiagnosticDescriptors.JsonBodyWithoutContext,
            _ => DiagnosticDescriptors.RouteCannotBind,
        };
        reporter.Report(descriptor, location ?? AttributeLocation(attribute, cancellationToken), error.Message);
        return false;
    }

    // The generator only looks at the members of router types, so a [Route] on a local function or a lambda is
    // never served, wherever it is.
    private static void AnalyzeFunction(SyntaxNodeAnalysisContext context)
    {
        var (attributeLists, symbol) = context.Node switch
        {
            LocalFunctionStatementSyntax function => (function.AttributeLists, context.SemanticModel.GetDeclaredSymbol(function, context.CancellationToken)),
            ParenthesizedLambdaExpressionSyntax lambda => (lambda.AttributeLists, context.SemanticModel.GetSymbolInfo(lambda, context.CancellationToken).Symbol),
            _ => (default(SyntaxList<AttributeListSyntax>), null),
        };
        if (attributeLists.Count == 0 || symbol is not IMethodSymbol method)
        {
            return;
        }

        var reporter = new Reporter(context.ReportDiagnostic);
        foreach (var attribute in method.GetAttributes().Where(IsRoute))
        {
            var name = RouterRules.HandlerName(method);
            var location = method.MethodKind == MethodKind.LocalFunction ? method.Locations.FirstOrDefault() : AttributeLocation(attribute, context.CancellationToken);
            reporter.Report(DiagnosticDescriptors.HandlerCannotBeCompiled, location, name, RouterRules.WhyNotHandler(method) ?? "it is not a member of a router");
        }
    }

    private static bool IsRoute(AttributeData attribute) => IsAttribute(attribute.AttributeClass, KnownNames.RouteAttribute);

    // The generator compares display names (RouterParser) and metadata names (ForAttributeWithMetadataName),
    // not symbols, so an attribute declared twice (two assemblies) still counts; so does this. The name check
    // first keeps the display string off the path for every other attribute.
    private static bool IsAttribute(INamedTypeSymbol? attributeClass, string fullName)
        => attributeClass is not null
            && fullName.Length > attributeClass.Name.Length
            && fullName[fullName.Length - attributeClass.Name.Length - 1] == '.'
            && string.CompareOrdinal(fullName, fullName.Length - attributeClass.Name.Length, attributeClass.Name, 0, attributeClass.Name.Length) == 0
            && attributeClass.ToDisplayString() == fullName;

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    /// <summary>A route the generator compiles, with where its pattern is written.</summary>
    private sealed record CompiledRoute(RouteTemplate Template, IMethodSymbol Handler, Location? Location);

    /// <summary>Reports each distinct diagnostic once (a method with several routes can fail the same way for each).</summary>
    private sealed class Reporter(Action<Diagnostic> report)
    {
        private readonly HashSet<(string Id, string? Path, int Start, int Length, string Message)> _reported = new();

        public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments)
        {
            var diagnostic = Diagnostic.Create(descriptor, location ?? Location.None, arguments);
            var span = diagnostic.Location.SourceSpan;
            var key = (descriptor.Id, diagnostic.Location.SourceTree?.FilePath, span.Start, span.Length, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            if (_reported.Add(key))
            {
                report(diagnostic);
            }
        }
    }
}
