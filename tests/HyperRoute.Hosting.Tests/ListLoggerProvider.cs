using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HyperRoute.Hosting.Tests;

/// <summary>Collects log entries as "category EventName message exception-message" lines.</summary>
internal sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => lines.Enqueue($"{category} {eventId.Name} {formatter(state, exception)} {exception?.Message}");
    }
}
