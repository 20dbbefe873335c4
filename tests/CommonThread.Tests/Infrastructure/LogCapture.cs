using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommonThread.Tests.Infrastructure;

/// <summary>One log entry as the app wrote it: where from, how loud, the text, and whether it carried an exception (a stack trace).</summary>
public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

/// <summary>Keeps every entry an app logs, so a spec can say what must not be logged (or how loudly).</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    /// <summary>Entries logged from now on: call <c>Since()</c> on the returned mark after the requests.</summary>
    public Func<IReadOnlyList<LogEntry>> Mark()
    {
        var from = entries.Count;
        return () => Entries.Skip(from).ToList();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new(category, logLevel, eventId.Id, formatter(state, exception), exception));
            }
        }
    }
}
