using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HyperRoute.Generators.Steps;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Composes the specs of an app's routers into one <see cref="RouterSpec"/> that the planner and the emitters compile as
/// they compile a router: one route table (router by router, in the order the app lists them, each in declaration order),
/// hence one decision tree, one 404/405 decision and one header table. Each route keeps what its router gave it: the
/// handler is called by its router's name (<see cref="RouteSpec.Owner"/>); the router's validators and transforms become
/// the first steps of each of its routes (router level before route level, as in the router: they apply to that router's
/// routes only, and a router validator runs once a route of its router matched); its JSON context reads the route's body
/// and writes its result; and every route writes its own result. Models only: the generator and the analyzer share it.
/// </summary>
internal static class AppComposer
{
    public static RouterSpec Compose(TypeDeclaration app, IReadOnlyList<RouterSpec> routers)
    {
        var routes = ImmutableArray.CreateBuilder<RouteSpec>();
        var skipped = ImmutableArray.CreateBuilder<SkippedRoute>();
        foreach (var router in routers)
        {
            foreach (var route in router.Routes)
            {
                routes.Add(route with
                {
                    Index = routes.Count,
                    Owner = router.Declaration.FullName,
                    HandlerDisplay = router.Declaration.Name + "." + route.HandlerDisplay,
                    Steps = router.Steps.Count == 0 ? route.Steps : router.Steps.Select(s => s with { Router = router.Declaration.Name }).Concat(route.Steps).ToEquatableArray(),
                    JsonContext = router.JsonContext,
                    JsonContextHasOptions = router.JsonContextHasOptions,
                });
            }

            skipped.AddRange(router.Skipped.Select(s => s with { HandlerName = router.Declaration.Name + "." + s.HandlerName }));
        }

        return new RouterSpec
        {
            Declaration = app,
            IsApp = true,
            ResultType = null,
            ResultsInRoutes = true,
            Routes = new EquatableArray<RouteSpec>(routes.ToImmutable()),
            Skipped = new EquatableArray<SkippedRoute>(skipped.ToImmutable()),
            Steps = EquatableArray<PipelineStep>.Empty,
        };
    }
}
