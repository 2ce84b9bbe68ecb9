using System.Text;

namespace HyperRoute.Tests;

/// <summary>Test helpers that turn strings into the UTF-8 spans the dispatchers take.</summary>
internal static class Dispatch
{
    public static RouteMatch Catalog(string method, string target, out Call call)
    {
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        return CatalogApi.Dispatch(Encoding.UTF8.GetBytes(method), Encoding.UTF8.GetBytes(path), Encoding.UTF8.GetBytes(query), out call);
    }
}
