using System;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRoute.Http;

/// <summary>The services a request's handler parameters are resolved from (<see cref="FromServicesAttribute"/>).</summary>
public sealed partial class HttpExchange
{
    private IServiceProvider? _services;
    private IServiceScope? _scope;

    /// <summary>
    /// The services of the request being served: set by the host (ASP.NET Core: <c>HttpContext.RequestServices</c>), or,
    /// on the built-in server, a scope of <see cref="HttpServerOptions.Services"/> created on first use and disposed when
    /// the request is answered. <see langword="null"/> when the host has none.
    /// </summary>
    public IServiceProvider? RequestServices
    {
        get
        {
            if (_services is null && ServiceRoot is { } root)
            {
                _scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
                _services = _scope.ServiceProvider;
            }

            return _services;
        }

        set => _services = value;
    }

    /// <summary>The application's services a request scope is created from (<see cref="HttpServerOptions.Services"/>).</summary>
    internal IServiceProvider? ServiceRoot { get; set; }

    /// <summary>Ends the request's services: its scope, if one was created, is disposed.</summary>
    internal void EndServices()
    {
        var scope = _scope;
        _scope = null;
        _services = null;
        scope?.Dispose();
    }
}
