using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Hosting;

/// <summary>
/// A compacting, decommitting collection once start-up is over (host built, outbox open, first polls and drain
/// done), then once a minute. Start-up allocates far more than a steady poll (configuration, DI, SQLite, JSON
/// metadata); the GC keeps the regions it touched resident and never hands them back on its own at a poll's
/// allocation rate, so without this they stay in the agent's RSS for its whole life, and the poll alone regrows a
/// decommitted region within minutes (issue 19, packaging/README.md "Footprint").
/// </summary>
public sealed class StartupHeapTrim : IHostedService, IDisposable
{
    /// <summary>After start: the first poll of every source and the first outbox drain are done well within it.</summary>
    internal static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    /// <summary>Then again: the poll regrows a decommitted gen0 region to about 2 MB within two minutes (README "Footprint").</summary>
    internal static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger<StartupHeapTrim> _logger;
    private readonly Action _collect;
    private ITimer? _timer;
    private int _trims;

    /// <summary>Creates the service.</summary>
    /// <param name="lifetime">Host lifetime: the delay counts from the host's start.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public StartupHeapTrim(IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StartupHeapTrim> logger)
        : this(lifetime, time, logger, Collect)
    {
    }

    internal StartupHeapTrim(IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StartupHeapTrim> logger, Action collect)
    {
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
        _collect = collect;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lifetime.ApplicationStarted.Register(() => _timer = _time.CreateTimer(_ => Trim(), null, Delay, Period));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    private void Trim()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        _collect();
        var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
        // The first only: the start-up's figure is the one worth a line; the periodic ones would fill the journal.
        if (Interlocked.Exchange(ref _trims, 1) == 0) HostingLog.HeapTrimmed(_logger, before / 1024, after / 1024);
    }

    // Aggressive: compacts every generation and decommits the free space it leaves, which no other mode does.
    private static void Collect() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
