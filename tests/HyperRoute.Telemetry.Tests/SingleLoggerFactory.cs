using System;
using Microsoft.Extensions.Logging;

namespace HyperRoute.Telemetry.Tests;

/// <summary>A logger factory that hands out one logger (a <c>FakeLogger</c>) for every category.</summary>
internal sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
