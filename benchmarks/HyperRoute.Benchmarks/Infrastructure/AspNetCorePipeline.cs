using System;
using System.Globalization;
using System.Threading.Tasks;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRoute.Benchmarks.Infrastructure;

/// <summary>
/// An ASP.NET Core request pipeline (<c>UseRouting</c> → endpoint routing → <c>UseEndpoints</c>) built from a
/// <see cref="WebApplication"/> without a server, invoked in-process on one reused <see cref="DefaultHttpContext"/>.
/// </summary>
/// <remarks>
/// What is timed per request: setting method, path and query on the context, resetting the endpoint and the
/// status, routing (the DFA matcher, route constraints, route values) and running the endpoint's
/// <see cref="RequestDelegate"/>. What is not: Kestrel's parsing and its byte-to-string conversion of the
/// request line, the per-request <see cref="HttpContext"/> and service scope. The strings are prepared once, so
/// ASP.NET Core's figures here are a lower bound of its real per-request cost.
/// </remarks>
public sealed class AspNetCorePipeline : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;
    private readonly DefaultHttpContext _context;

    public AspNetCorePipeline(Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IServer, NoServer>(); // WebApplication wants one; it is never started
        _app = builder.Build();
        _app.UseRouting();
        map(_app);
        _app.UseEndpoints(static _ => { });
        _pipeline = ((IApplicationBuilder)_app).Build();
        _context = new DefaultHttpContext { RequestServices = _app.Services };
    }

    /// <summary>What the last endpoint handler returned; endpoints write it through <see cref="Complete"/>.</summary>
    public static int Result { get; private set; }

    /// <summary>Records a handler's result and completes the endpoint synchronously.</summary>
    public static Task Complete(int result)
    {
        Result = result;
        return Task.CompletedTask;
    }

    /// <summary>Reads an <c>{name:int}</c> route value (ASP.NET Core keeps route values as strings).</summary>
    public static int RouteInt(HttpContext context, string name)
        => int.Parse((string)context.Request.RouteValues[name]!, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs one request through the pipeline. Returns the handler's result when the status is 200, else the
    /// negated status (-404, -405), the same convention as the other implementations.
    /// </summary>
    public int Invoke(string method, PathString path, QueryString query)
    {
        var context = _context;
        context.SetEndpoint(null); // routing skips matching when an endpoint is already set
        var request = context.Request;
        request.Method = method;
        request.Path = path;
        request.QueryString = query;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;

        var task = _pipeline(context);
        if (!task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
        }

        var status = response.StatusCode;
        return status == StatusCodes.Status200OK ? Result : -status;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    // The requests are invoked in-process; nothing listens.
    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
            => throw new NotSupportedException("The benchmark pipeline is invoked in-process, not served.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
