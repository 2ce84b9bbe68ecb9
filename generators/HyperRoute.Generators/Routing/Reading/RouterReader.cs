using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HyperRoute.Generators.Steps;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Stage 1 for routers, and routing's one rule engine: reads a <c>[Router]</c> type's symbols into its
/// <see cref="RouterSpec"/> and every problem with where it is (<see cref="RouterRead"/>). The generator compiles the
/// spec and drops the problems; <c>RouteAnalyzer</c> reports them. A route is left out of the spec exactly when it has
/// a problem that stops it compiling, so nothing is skipped silently and nothing is reported that compiles. Pure;
/// never throws on user code.
/// </summary>
internal static class RouterReader
{
    /// <summary>
    /// Reads <paramref name="router"/>; <see langword="null"/> when it is not a named class or struct (nothing to
    /// generate or report).
    /// </summary>
    public static RouterRead? Read(INamedTypeSymbol router, CancellationToken cancellationToken)
    {
        if (router.TypeKind is not (TypeKind.Class or TypeKind.Struct) || string.IsNullOrEmpty(router.Name))
        {
            return null;
        }

        var problems = ImmutableArray.CreateBuilder<RouteProblem>();
        var whyNotExtensible = HandlerRules.WhyNotExtensible(router, cancellationToken, out var routerLocation);
        if (whyNotExtensible is not null)
        {
            problems.Add(Problem(RouteRule.RouterCannotBeGenerated, routerLocation, router.Name, whyNotExtensible));
        }

        var collides = false;
        foreach (var (name, location) in ReservedNames.Collisions(router))
        {
            problems.Add(Problem(RouteRule.ReservedMemberName, location, router.Name, name));
            collides = true;
        }

        var state = new RouterState(router, cancellationToken);
        if (state.PrefixError is not null)
        {
            problems.Add(Problem(RouteRule.InvalidPrefix, state.PrefixLocation, state.InvalidPrefix, router.Name, state.PrefixError));
        }

        if (OpenApiRouteReader.Read(router, cancellationToken, out var invalidRoute, out var routeError, out var routeLocation) is null && invalidRoute is not null)
        {
            problems.Add(Problem(RouteRule.InvalidOpenApiRoute, routeLocation, invalidRoute, router.Name, routeError));
        }

        if (HandlerRules.TryGetTimeout(router, out var routerTimeout, out var timeoutAttribute) && HandlerRules.WhyNotTimeout(routerTimeout) is { } whyNotTimeout)
        {
            problems.Add(Problem(RouteRule.TimeoutHasNoEffect, AttributeLocation(timeoutAttribute!, cancellationToken), router.Name, whyNotTimeout));
        }

        foreach (var method in router.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var attribute in method.GetAttributes())
            {
                if (KnownNames.Is(attribute.AttributeClass, KnownNames.RouteAttribute))
                {
                    ReadRoute(state, method, attribute, problems);
                }
            }
        }

        var results = ResolveResults(state, problems);

        // A route that needs the exchange never runs in a router whose results the endpoint cannot write.
        if (results.SharedType is not null && results.Shared is null)
        {
            foreach (var route in state.Routes.Where(r => r.NeedsExchange))
            {
                problems.Add(Problem(RouteRule.ExchangeBindingWithoutEndpoint, state.Handlers[route.Index].Locations.FirstOrDefault(), route.HandlerName, results.SharedDisplay));
            }
        }

        var model = new RouterSpec
        {
            Declaration = TypeDeclarationReader.Read(router, "Dispatch"),
            ResultType = results.SharedType,
            ResultDefault = results.SharedIsValueType ? "default" : "default!",
            Result = results.Shared,
            ResultsInRoutes = results.InRoutes,
            Steps = state.RouterSteps,
            JsonContext = state.Json.TypeName,
            JsonContextHasOptions = JsonContextReader.HasOwnOptions(router),
            Prefix = state.Prefix,
            StreamsRequestBody = StreamedBodyReader.DeclaresHook(router),
            Routes = new EquatableArray<RouteSpec>(state.Routes.ToImmutable()),
            Skipped = new EquatableArray<SkippedRoute>(state.Skipped.ToImmutable()),
        };
        if (whyNotExtensible is null && !collides)
        {
            ReportMissingEntryPoints(router, model, results, routerLocation, problems);
        }
        return new RouterRead(model, whyNotExtensible is null && !collides, problems.ToImmutable(), state.Attributes.ToImmutable());
    }

    // Every independent problem of one [Route] is recorded; the first that stops it compiling, in the order
    // template, handler, binding, steps, result type, is the reason the generated remarks give for leaving it out.
    private static void ReadRoute(RouterState state, IMethodSymbol method, AttributeData attribute, ImmutableArray<RouteProblem>.Builder problems)
    {
        var cancellationToken = state.CancellationToken;
        var binds = PatternLocator.TryGetPattern(attribute, out var pattern);
        string? skip = null;

        var whyNotHandler = HandlerRules.WhyNotHandler(method);
        if (whyNotHandler is not null && binds)
        {
            problems.Add(Problem(RouteRule.HandlerCannotBeCompiled, method.Locations.FirstOrDefault(), HandlerRules.HandlerName(method), whyNotHandler));
        }

        // async void: the server could neither wait for it nor see it fail (its exception would end the process).
        var asyncShape = HandlerRules.AsyncShape(method, out var resultType);
        if (whyNotHandler is null && method.IsAsync && method.ReturnsVoid)
        {
            whyNotHandler = "it is async void, which nothing can await or observe; return ValueTask";
            if (binds)
            {
                problems.Add(Problem(RouteRule.AsyncVoidHandler, method.Locations.FirstOrDefault(), method.Name));
            }
        }

        var timeout = ReadTimeout(state, method, asyncShape, binds, problems);
        if (binds && method.IsAsync && asyncShape is AsyncReturn.Task or AsyncReturn.TaskOfResult)
        {
            problems.Add(Problem(RouteRule.TaskHandler, method.Locations.FirstOrDefault(), method.Name, HandlerRules.Display(method.ReturnType)));
        }

        // A query in the template ("GET /todos?done={done}"): query values bind by the handler parameter's name.
        if (pattern is not null && HandlerRules.QueryStart(pattern) is var question and >= 0)
        {
            if (binds)
            {
                var location = PatternLocator.Locate(PatternLocator.PatternSyntax(attribute, cancellationToken), question, pattern.Length - question) ?? AttributeLocation(attribute, cancellationToken);
                problems.Add(Problem(RouteRule.QueryInTemplate, location, pattern, HandlerRules.QueryAdvice(pattern, question, method)));
            }

            state.Skip(pattern, method, "the template has a query; query values bind by the handler parameter's name");
            return;
        }

        if (!RouteTemplateParser.TryParse(pattern, out var template, out var templateError))
        {
            // A [Route] whose argument does not bind is a compiler error already.
            if (binds)
            {
                var location = PatternLocator.Locate(PatternLocator.PatternSyntax(attribute, cancellationToken), templateError!.Start, templateError.Length) ?? AttributeLocation(attribute, cancellationToken);
                problems.Add(Problem(RouteRule.InvalidTemplate, location, templateError!.Message));
            }

            state.Skip(pattern, method, "invalid template: " + templateError!.Message);
            return;
        }

        if (state.RouterStepError is not null)
        {
            // A router step that cannot apply leaves every route out: none may run without it (StepAnalyzer reports it).
            skip = "a validator or transform of the router cannot apply: " + state.RouterStepError;
        }

        // A prefix that is not valid leaves every route out (HR0023): none is served at a path it was not meant for. A
        // valid one is part of every pattern from here on; the template's segments then start prefix.Length later than
        // in the pattern the route declares, which is where a problem with one is reported.
        var shift = 0;
        if (state.PrefixError is not null)
        {
            skip ??= "the router's prefix is not valid: " + state.PrefixError;
        }
        else if (state.Prefix is { } prefix)
        {
            if (RouteTemplateParser.WithPrefix(template!, prefix) is not { } prefixed)
            {
                state.Skip(pattern, method, $"the template does not parse under the prefix '{prefix}'");
                return;
            }

            template = prefixed;
            shift = prefix.Length;
        }

        skip ??= whyNotHandler;
        ReportContradictions(method, template!, problems);
        var parameters = method.Parameters.Select(HandlerParameterReader.Read).ToArray();
        if (asyncShape != AsyncReturn.None)
        {
            // A span is the request's bytes for the synchronous call only: an async handler would read them after
            // the connection moved on.
            for (var i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].Kind == ParameterKind.RefStruct && method.Parameters[i].Type.TypeKind != TypeKind.Error)
                {
                    var advice = HandlerRules.SpanAdvice(parameters[i]);
                    problems.Add(Problem(RouteRule.SpanOnAsyncHandler, method.Parameters[i].Locations.FirstOrDefault(), parameters[i].Name, method.Name, parameters[i].TypeDisplay, advice));
                    skip ??= $"the parameter '{parameters[i].Name}' of the asynchronous handler is a {parameters[i].TypeDisplay}, which cannot be held across an await; {advice}";
                }
            }
        }

        // A service (an interface, or a class that is neither a value a request binds nor a [Body]) cannot come from the request.
        var hasService = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (method.Parameters[i].Type.TypeKind != TypeKind.Error && HandlerRules.IsService(method.Parameters[i], parameters[i], template!))
            {
                var type = HandlerRules.Display(method.Parameters[i].Type);
                problems.Add(Problem(RouteRule.ServiceParameter, method.Parameters[i].Locations.FirstOrDefault(), parameters[i].Name, type, state.RouterName));
                skip ??= $"the parameter '{parameters[i].Name}' is a service ('{type}'), which no request binds; hold it in an instance router built with it";
                hasService = true;
            }
        }

        var bindings = ImmutableArray<ParameterBinding>.Empty;
        BindingError? bindingError = null;
        if (!hasService && !RouteBinder.TryBind(template!, parameters, state.Json, out bindings, out bindingError, ForwardReader.IsForward(method)))
        {
            ReportBindingError(method, template!, bindingError!, attribute, shift, problems, cancellationToken);
            skip ??= bindingError!.Message;
        }

        if (skip is not null)
        {
            state.Skip(pattern, method, skip);
            return;
        }

        // Validators and transforms: the route's, then each parameter's; a route with one that cannot apply is left out.
        var routeSteps = ReadSteps(method.GetAttributes(), StepPosition.Route, null, out var stepError);
        var boundWithSteps = bindings.ToBuilder();
        for (var i = 0; i < method.Parameters.Length && stepError is null; i++)
        {
            var parameter = method.Parameters[i];
            boundWithSteps[i] = bindings[i] with { Steps = ReadSteps(parameter.GetAttributes(), StepPosition.Parameter, parameter.Type, out stepError) };
        }

        if (stepError is not null)
        {
            state.Skip(pattern, method, stepError);
            return;
        }

        // What the handler produces (an async handler's ValueTask<T> or Task<T> counts as T, its ValueTask or Task as
        // none), and how it is written; whether the router can use it is decided once every route is read.
        ResultSpec? result = null;
        string? resultTypeName = null;
        string? resultWhyNot = null;
        if (resultType is not null)
        {
            if (method.ReturnType.TypeKind == TypeKind.Error || resultType.TypeKind == TypeKind.Error)
            {
                state.Skip(pattern, method, "the handler's return type does not resolve");
                return;
            }

            resultTypeName = resultType.ToDisplayString(HandlerRules.ResultTypeFormat);
            result = ResultReader.Read(resultType, state.Json, out resultWhyNot);
        }

        state.Routes.Add(new RouteSpec
        {
            Index = state.Routes.Count,
            Template = template!,
            HandlerName = method.Name,
            HandlerDisplay = method.Name + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " " + p.Name)) + ")",
            IsStatic = method.IsStatic,
            ReturnsVoid = resultType is null,
            Result = result,
            ResultType = resultTypeName,
            Async = asyncShape,
            TimeoutMilliseconds = timeout,
            Bindings = new EquatableArray<ParameterBinding>(boundWithSteps.ToImmutable()),
            Steps = routeSteps,
        });
        state.Attributes.Add(attribute);
        state.Handlers.Add(method);
        state.Results.Add(new ReadResult(resultType, resultWhyNot, pattern));
    }

    // The router's result type: one shared by every handler that returns one (written by Serve, as before), or none when
    // they differ, and then each route writes its own and a route whose result cannot be written is left out (HR0018).
    private static RouterResults ResolveResults(RouterState state, ImmutableArray<RouteProblem>.Builder problems)
    {
        var returning = Enumerable.Range(0, state.Routes.Count).Where(i => state.Routes[i].ResultType is not null).ToList();
        if (returning.Select(i => state.Routes[i].ResultType).Distinct().Count() <= 1)
        {
            if (returning.Count == 0)
            {
                return new RouterResults(null, null, null, null, false, false);
            }

            var first = returning[0];
            var read = state.Results[first];
            return new RouterResults(state.Routes[first].ResultType, state.Routes[first].Result, HandlerRules.Display(read.Type!), read, read.Type!.IsValueType, false);
        }

        var kept = new List<int>();
        for (var i = 0; i < state.Routes.Count; i++)
        {
            var route = state.Routes[i];
            if (route.ResultType is not null && route.Result is null)
            {
                var read = state.Results[i];
                var method = state.Handlers[i];
                var display = HandlerRules.Display(read.Type!);
                problems.Add(Problem(RouteRule.ResultCannotBeWritten, ReturnTypeLocation(method, state.CancellationToken), method.Name, display, read.WhyNot));
                state.Skip(read.Pattern, method, $"it returns '{display}', which {read.WhyNot}");
                continue;
            }

            kept.Add(i);
        }

        var routes = kept.Select((i, index) => state.Routes[i] with { Index = index }).ToImmutableArray();
        var attributes = kept.Select(i => state.Attributes[i]).ToImmutableArray();
        var handlers = kept.Select(i => state.Handlers[i]).ToList();
        var reads = kept.Select(i => state.Results[i]).ToList();
        state.Routes.Clear();
        state.Routes.AddRange(routes);
        state.Attributes.Clear();
        state.Attributes.AddRange(attributes);
        state.Handlers.Clear();
        state.Handlers.AddRange(handlers);
        state.Results.Clear();
        state.Results.AddRange(reads);
        return new RouterResults(null, null, null, null, false, true);
    }

    // HR0019/HR0020: a router that gets no HttpEndpoint (or neither it nor Dispatch) says why, so using it is never a
    // bare "HttpEndpoint does not exist". A shared result of a built-in type (int, bool, …) without a JSON context is a
    // router used in-process on purpose, and is not reported.
    private static void ReportMissingEntryPoints(INamedTypeSymbol router, RouterSpec model, RouterResults results, Location? location, ImmutableArray<RouteProblem>.Builder problems)
    {
        if (model.HasHttpEndpoint || model.Routes.Count == 0)
        {
            return;
        }

        if ((model.ResultType is null || model.Result is not null) && model.HasInstanceHandlers && model.Declaration.Keyword.EndsWith("struct", System.StringComparison.Ordinal))
        {
            const string Why = "it is a struct with instance handlers, and a readonly endpoint would run them on a copy; make the router a class";
            problems.Add(model.NeedsExchange
                ? Problem(RouteRule.NoEntryPoint, location, router.Name, Why + " (its routes bind the HTTP request, so it gets no Dispatch either)")
                : Problem(RouteRule.NoHttpEndpoint, location, router.Name, Why));
            return;
        }

        if (results.SharedRead is { Type: { } type } read && results.Shared is null && !model.NeedsExchange
            && (model.JsonContext is not null || type.SpecialType == SpecialType.None))
        {
            problems.Add(Problem(RouteRule.NoHttpEndpoint, location, router.Name, $"its handlers return '{results.SharedDisplay}', which {read.WhyNot}"));
        }
    }

    private static Location? ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken)
        => method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration
            ? declaration.ReturnType.GetLocation()
            : method.Locations.FirstOrDefault();

    // The time limit of an async handler: its own [HandlerTimeout], else the router's, else the server's (null). HR0017 on
    // one that means nothing: on a synchronous handler, or not a limit (then the server's default applies).
    private static int? ReadTimeout(RouterState state, IMethodSymbol method, AsyncReturn shape, bool binds, ImmutableArray<RouteProblem>.Builder problems)
    {
        if (HandlerRules.TryGetTimeout(method, out var milliseconds, out var attribute))
        {
            var why = shape == AsyncReturn.None
                ? "has no effect: the handler is synchronous, and only an asynchronous handler's wait is limited"
                : HandlerRules.WhyNotTimeout(milliseconds);
            if (why is not null)
            {
                if (binds)
                {
                    problems.Add(Problem(RouteRule.TimeoutHasNoEffect, AttributeLocation(attribute!, state.CancellationToken), method.Name, why));
                }

                return null;
            }

            return milliseconds;
        }

        return shape == AsyncReturn.None ? null : state.RouterTimeout;
    }

    // HR0007 on each handler parameter bound by a template parameter whose constraints it can never satisfy.
    private static void ReportContradictions(IMethodSymbol method, RouteTemplate template, ImmutableArray<RouteProblem>.Builder problems)
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

            problems.Add(Problem(
                RouteRule.ConstraintContradictsType,
                parameter.Locations.FirstOrDefault(),
                segment.Name,
                contradiction.Constraint,
                parameter.Name,
                HandlerRules.Display(parameter.Type),
                contradiction.Reason));
        }
    }

    // Where a binding error is reported: on the parameter at fault (the name in [Header("…")], the [Body] that needs
    // a JSON context), on the template segment at fault (shift: the router prefix's length, which the declared pattern
    // does not hold), or on the pattern.
    private static void ReportBindingError(IMethodSymbol method, RouteTemplate template, BindingError error, AttributeData attribute, int shift, ImmutableArray<RouteProblem>.Builder problems, CancellationToken cancellationToken)
    {
        Location? location;
        if (error.ParameterIndex >= 0 && error.ParameterIndex < method.Parameters.Length)
        {
            var parameter = method.Parameters[error.ParameterIndex];
            if (parameter.Type.TypeKind == TypeKind.Error)
            {
                return; // the type does not resolve: a compiler error already
            }

            location = parameter.Locations.FirstOrDefault();
            if (error.Kind == BindingErrorKind.HeaderName)
            {
                // On the name as written in [Header("…")]; an argument that does not bind is a compiler error already.
                var header = parameter.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.HeaderAttribute));
                if (header is null || header.ConstructorArguments.Length != 1 || header.ConstructorArguments[0].Kind == TypedConstantKind.Error)
                {
                    return;
                }

                var syntax = header.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                location = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression.GetLocation() ?? syntax?.GetLocation() ?? location;
            }
            else if (error.Kind == BindingErrorKind.JsonBody)
            {
                var body = parameter.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.BodyAttribute));
                location = body?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
            }
        }
        else if (error.SegmentIndex >= 0 && error.SegmentIndex < template.Segments.Count)
        {
            var segment = template.Segments[error.SegmentIndex];
            location = PatternLocator.Locate(PatternLocator.PatternSyntax(attribute, cancellationToken), segment.Start - shift, segment.Text.Length);
        }
        else
        {
            location = PatternLocator.PatternSyntax(attribute, cancellationToken)?.GetLocation();
        }

        var rule = error.Kind switch
        {
            BindingErrorKind.HeaderType => RouteRule.HeaderCannotBind,
            BindingErrorKind.HeaderName => RouteRule.InvalidHeaderName,
            BindingErrorKind.Body => RouteRule.InvalidBodyParameter,
            BindingErrorKind.NamedInTemplate => RouteRule.RequestPartNamedInTemplate,
            BindingErrorKind.JsonBody => RouteRule.JsonBodyWithoutContext,
            BindingErrorKind.Service => RouteRule.InvalidServiceParameter,
            _ => RouteRule.CannotBind,
        };
        problems.Add(Problem(rule, location ?? AttributeLocation(attribute, cancellationToken), error.Message));
    }

    // The [Validate<V>] and [Transform<X>] among attributes, in declaration order; the first that cannot apply sets error.
    private static EquatableArray<PipelineStep> ReadSteps(ImmutableArray<AttributeData> attributes, StepPosition position, ITypeSymbol? parameterType, out string? error)
    {
        error = null;
        var steps = ImmutableArray.CreateBuilder<PipelineStep>();
        foreach (var attribute in attributes)
        {
            if (!StepReader.TryRead(attribute, position, parameterType, out var step, out var stepError))
            {
                continue;
            }

            if (stepError is not null)
            {
                error = stepError.Message;
                return EquatableArray<PipelineStep>.Empty;
            }

            steps.Add(step!);
        }

        return new EquatableArray<PipelineStep>(steps.ToImmutable());
    }

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static RouteProblem Problem(RouteRule rule, Location? location, params object?[] arguments)
        => new(rule, location, ImmutableArray.Create(arguments));

    /// <summary>What a compiled route's handler returns (<see langword="null"/> for none) and why it cannot be written.</summary>
    private sealed record ReadResult(ITypeSymbol? Type, string? WhyNot, string? Pattern);

    /// <summary>The router's result: the shared type and how it is written, or results written by each route.</summary>
    private sealed record RouterResults(string? SharedType, ResultSpec? Shared, string? SharedDisplay, ReadResult? SharedRead, bool SharedIsValueType, bool InRoutes);

    /// <summary>What reading one router accumulates over its routes.</summary>
    private sealed class RouterState
    {
        public RouterState(INamedTypeSymbol router, CancellationToken cancellationToken)
        {
            RouterName = router.Name;
            CancellationToken = cancellationToken;
            Json = JsonContextReader.Read(router);
            RouterSteps = ReadSteps(router.GetAttributes(), StepPosition.Router, null, out var routerStepError);
            RouterStepError = routerStepError;
            Prefix = PrefixReader.Read(router, cancellationToken, out var invalidPrefix, out var prefixError, out var prefixLocation);
            InvalidPrefix = invalidPrefix;
            PrefixError = prefixError;
            PrefixLocation = prefixLocation;
            if (HandlerRules.TryGetTimeout(router, out var milliseconds, out _) && HandlerRules.WhyNotTimeout(milliseconds) is null)
            {
                RouterTimeout = milliseconds;
            }
        }

        /// <summary>The router's <c>[HandlerTimeout]</c>: the default of its async handlers; <see langword="null"/> without one.</summary>
        public int? RouterTimeout { get; }

        public CancellationToken CancellationToken { get; }

        public string RouterName { get; }

        public JsonBodyContext Json { get; }

        public EquatableArray<PipelineStep> RouterSteps { get; }

        public string? RouterStepError { get; }

        /// <summary>The router's valid <c>Prefix</c>; <see langword="null"/> for none, or one that is not valid.</summary>
        public string? Prefix { get; }

        /// <summary>A <c>Prefix</c> that is not valid, as written; <see langword="null"/> otherwise.</summary>
        public string? InvalidPrefix { get; }

        /// <summary>What is wrong with <see cref="InvalidPrefix"/>, and what to write; <see langword="null"/> otherwise.</summary>
        public string? PrefixError { get; }

        /// <summary>Where HR0023 is reported: the offending characters of the <c>Prefix</c> argument.</summary>
        public Location? PrefixLocation { get; }

        public ImmutableArray<RouteSpec>.Builder Routes { get; } = ImmutableArray.CreateBuilder<RouteSpec>();

        public ImmutableArray<AttributeData>.Builder Attributes { get; } = ImmutableArray.CreateBuilder<AttributeData>();

        public List<IMethodSymbol> Handlers { get; } = new();

        public ImmutableArray<SkippedRoute>.Builder Skipped { get; } = ImmutableArray.CreateBuilder<SkippedRoute>();

        /// <summary>What each compiled route's handler returns, by position in <see cref="Routes"/>.</summary>
        public List<ReadResult> Results { get; } = new();

        public void Skip(string? pattern, IMethodSymbol method, string reason)
            => Skipped.Add(new SkippedRoute(pattern ?? "(no pattern)", method.Name, reason));
    }
}
