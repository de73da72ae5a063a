using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Derives <c>delivery-hole:&lt;site&gt;/&lt;node&gt;</c> every <see cref="NocOptions.Interval"/>: raised while the node's
/// oldest unexplained hole (seqs above its watermark neither received nor declared evicted) is older than
/// <see cref="HoleAge"/>, cleared when it fills or a gaps notice explains it. Only the leader derives it.
/// </summary>
public sealed class NocDeliveryWatcher : PeriodicRoundService
{
    /// <summary>
    /// How old a hole must be before it is an alert: out-of-order redelivery after a reconnect fills holes within seconds,
    /// an agent's replay of its outbox within minutes; a hole still open after ten is a message that is not coming.
    /// </summary>
    public static readonly TimeSpan HoleAge = TimeSpan.FromMinutes(10);

    private readonly IDeliveryStore _store;
    private readonly NocPublisher _noc;
    private readonly NocOptions _options;
    private readonly TimeProvider _time;
    private readonly ILeadership? _leadership;

    /// <summary>Creates the watcher.</summary>
    public NocDeliveryWatcher(IDeliveryStore store, NocPublisher noc, IOptions<NocOptions> options, TimeProvider time, LoopFailureCounters failures,
        ILogger<NocDeliveryWatcher> logger, ILeadership? leadership = null)
        : base(time, failures, logger)
    {
        _store = store;
        _noc = noc;
        _options = options.Value;
        _time = time;
        _leadership = leadership;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => _options.Interval;

    /// <inheritdoc />
    protected override string RoundName => "noc-delivery";

    /// <inheritdoc />
    public override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        // Several collectors on one PostgreSQL: only the leader speaks for the collectors (one stream).
        if (_leadership is { Shared: true, IsLeader: false }) return;
        var now = _time.GetUtcNow();
        foreach (var n in await _store.GetDeliverySummariesAsync(cancellationToken))
        {
            var old = n.OldestUnexplainedSince is { } since && now - since >= HoleAge;
            await _noc.OfferAsync(NocAlertTexts.DeliveryHole(n.Site, n.Node, old, now), cancellationToken);
        }
    }
}
