using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Stage 1 for apps (<c>[App(typeof(TodoApi), typeof(HealthApi))]</c>), on the routers' own rule engine: reads each listed
/// router with <see cref="RouterReader"/>, keeps those an app can serve, and composes them (<see cref="AppComposer"/>).
/// The generator compiles the composed spec; <c>AppAnalyzer</c> reports the problems (HR0025, HR0026) and the conflicts
/// between routers that <see cref="RouteConflicts"/> finds in it (HR0024). Pure; never throws on user code.
/// </summary>
internal static class AppReader
{
    /// <summary>Reads <paramref name="app"/>; <see langword="null"/> when it is not a named class (nothing to generate or report).</summary>
    public static AppRead? Read(INamedTypeSymbol app, Compilation compilation, CancellationToken cancellationToken)
    {
        if (app.TypeKind != TypeKind.Class || string.IsNullOrEmpty(app.Name))
        {
            return null;
        }

        var problems = ImmutableArray.CreateBuilder<RouteProblem>();
        var canGenerate = true;
        if (HandlerRules.WhyNotExtensible(app, cancellationToken, out var appLocation) is { } whyNot)
        {
            problems.Add(Problem(RouteRule.AppCannotBeGenerated, appLocation, app.Name, whyNot.Replace("a router", "an app")));
            canGenerate = false;
        }

        if (app.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute)))
        {
            problems.Add(Problem(RouteRule.AppCannotBeGenerated, appLocation, app.Name, "it is also a [Router], and both would declare its HttpEndpoint; declare the app as a type of its own"));
            canGenerate = false;
        }

        foreach (var (name, location) in ReservedNames.Collisions(app))
        {
            problems.Add(Problem(RouteRule.AppCannotBeGenerated, location, app.Name, $"it declares a member named '{name}', a name the generator declares on an app; rename the member"));
            canGenerate = false;
        }

        if (OpenApiRouteReader.Read(app, cancellationToken, out var invalidRoute, out var routeError, out var routeLocation) is null && invalidRoute is not null)
        {
            problems.Add(Problem(RouteRule.InvalidOpenApiRoute, routeLocation, invalidRoute, app.Name, routeError));
        }

        var attribute = app.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.AppAttribute));
        var members = ImmutableArray.CreateBuilder<AppMember>();
        var arguments = (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments;
        var listed = attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Array, IsNull: false } routers
            ? routers.Values
            : ImmutableArray<TypedConstant>.Empty;
        var offset = 0;
        for (var i = 0; i < listed.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (listed[i].Value is not INamedTypeSymbol router || router.TypeKind == TypeKind.Error)
            {
                continue; // typeof of nothing, or of a type that does not resolve: the compiler reports it
            }

            var location = arguments is { } list && list.Count == listed.Length ? list[i].Expression.GetLocation() : attribute!.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
            var why = WhyNotMember(app, router, members, compilation, cancellationToken, out var read);
            if (why is not null)
            {
                problems.Add(Problem(RouteRule.AppMemberCannotBeComposed, location, HandlerRules.Display(router), app.Name, why));
                continue;
            }

            members.Add(new AppMember(router, read!, offset));
            offset += read!.Model.Routes.Count;
        }

        var model = AppComposer.Compose(TypeDeclarationReader.Read(app, "App"), members.Select(m => m.Read.Model).ToList());
        return new AppRead(model, canGenerate, problems.ToImmutable(), members.ToImmutable());
    }

    // Why the app cannot serve router: it is not a router an app can call into, or is listed twice.
    private static string? WhyNotMember(INamedTypeSymbol app, INamedTypeSymbol router, IEnumerable<AppMember> members, Compilation compilation, CancellationToken cancellationToken, out RouterRead? read)
    {
        read = null;
        if (!router.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute)))
        {
            return "it is not a [Router]; list the routers the app serves";
        }

        if (members.Any(m => SymbolEqualityComparer.Default.Equals(m.Type, router)))
        {
            return "it is listed twice; list each router once";
        }

        if (!compilation.IsSymbolAccessibleWithin(router, app))
        {
            return "the app cannot refer to it; make it internal or public";
        }

        read = RouterReader.Read(router, cancellationToken);
        if (read is null || !read.CanGenerate)
        {
            return "the router gets no generated code (see its own diagnostics)";
        }

        if (read.Model.HasInstanceHandlers)
        {
            var handler = read.Model.Routes.First(r => !r.IsStatic).HandlerName;
            return $"its handler '{handler}' is an instance method, and the app has no instance to run it on; make the app's routers' handlers static, or serve this router on its own endpoint";
        }

        if (!read.Model.HasHttpEndpoint)
        {
            return "it gets no HttpEndpoint, so its results cannot be written as responses (HR0019 on the router says why)";
        }

        foreach (var route in read.Model.Routes)
        {
            var hidden = router.GetMembers(route.HandlerName).OfType<IMethodSymbol>().FirstOrDefault(m => !compilation.IsSymbolAccessibleWithin(m, app));
            if (hidden is not null)
            {
                return $"its handler '{route.HandlerName}' is {Describe(hidden.DeclaredAccessibility)}, which only the router can call; make it internal or public";
            }
        }

        return null;
    }

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not accessible from the app",
    };

    private static RouteProblem Problem(RouteRule rule, Location? location, params object?[] arguments)
        => new(rule, location, ImmutableArray.Create(arguments));
}

/// <summary>
/// What <see cref="AppReader"/> found in one <c>[App]</c> type: the composed model, the problems, and the routers it serves
/// with where their routes start in the model's route table. Holds symbols; never enters the generator's pipeline.
/// </summary>
internal sealed class AppRead
{
    public AppRead(RouterSpec model, bool canGenerate, ImmutableArray<RouteProblem> problems, ImmutableArray<AppMember> members)
    {
        Model = model;
        CanGenerate = canGenerate;
        Problems = problems;
        Members = members;
    }

    /// <summary>The routes of every router served, composed (<see cref="RouterSpec.IsApp"/>).</summary>
    public RouterSpec Model { get; }

    /// <summary>Code can be added to the app type (HR0026).</summary>
    public bool CanGenerate { get; }

    /// <summary>HR0025 and HR0026.</summary>
    public ImmutableArray<RouteProblem> Problems { get; }

    /// <summary>The routers served, in the order listed.</summary>
    public ImmutableArray<AppMember> Members { get; }

    /// <summary>The router of route <paramref name="index"/> of <see cref="Model"/>, and the route's index in that router.</summary>
    public (AppMember Member, int Index) Find(int index)
    {
        var member = Members.Last(m => m.Offset <= index);
        return (member, index - member.Offset);
    }
}

/// <summary>A router an app serves: its reading, and where its routes start in the app's route table.</summary>
internal sealed record AppMember(INamedTypeSymbol Type, RouterRead Read, int Offset);
