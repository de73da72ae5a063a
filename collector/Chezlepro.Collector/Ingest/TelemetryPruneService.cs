using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Ingest;

/// <summary>
/// Every hour, deletes the raw messages older than <see cref="CollectorOptions.TelemetryRetention"/> (the end of the
/// idempotency window). A loop of its own, so a store fault (a PostgreSQL blip) costs one prune, counted and retried
/// the next hour, while ingest goes on. With several collectors on one store only the leader prunes: the rows are
/// shared, and two collectors deleting the same rows only contend.
/// </summary>
public sealed class TelemetryPruneService : PeriodicRoundService
{
    /// <summary>Name of the loop in the log and in <c>/metrics</c>.</summary>
    public const string LoopName = "prune";

    private readonly ICollectorStore _store;
    private readonly CollectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILeadership? _leadership;

    /// <summary>Creates the service.</summary>
    public TelemetryPruneService(ICollectorStore store, IOptions<CollectorOptions> options, TimeProvider time, LoopFailureCounters failures,
        ILogger<TelemetryPruneService> logger, ILeadership? leadership = null)
        : base(time, failures, logger)
    {
        _store = store;
        _leadership = leadership;
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override string RoundName => LoopName;

    /// <inheritdoc />
    public override Task RunRoundAsync(CancellationToken cancellationToken) =>
        _leadership is { Shared: true, IsLeader: false }
            ? Task.CompletedTask
            : _store.PruneTelemetryAsync(_time.GetUtcNow() - _options.TelemetryRetention, cancellationToken);
}
