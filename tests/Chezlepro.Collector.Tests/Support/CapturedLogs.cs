using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Tests.Support;

/// <summary>
/// A logger provider that keeps every entry with its structured properties, so a test can wait for one event and
/// check its fields (<c>{Loop}</c>) instead of parsing text.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly Channel<LogEntry> _entries = Channel.CreateUnbounded<LogEntry>();

    /// <summary>Reads entries until one matches <paramref name="match"/>; entries read before it are skipped.</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var entry = await _entries.Reader.ReadAsync(cts.Token);
            if (match(entry)) return entry;
        }
    }

    /// <summary>Every entry so far, in order.</summary>
    public ConcurrentQueue<LogEntry> All { get; } = new();

    /// <summary>Every entry as a sink would write it: the formatted message, then the exception if any.</summary>
    public ConcurrentQueue<string> Texts { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>One log call: its event id, level, category and named values.</summary>
    internal sealed record LogEntry(int EventId, LogLevel Level, string Category, IReadOnlyDictionary<string, object?> Properties);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            var entry = new LogEntry(eventId.Id, logLevel, category, properties);
            owner.All.Enqueue(entry);
            owner.Texts.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
            owner._entries.Writer.TryWrite(entry);
        }
    }
}
