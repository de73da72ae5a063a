using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Loops;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Derives <c>node-offline:&lt;site&gt;/&lt;node&gt;</c> from the store's node states every <see cref="NocOptions.Interval"/>,
/// ends quiet flap holds and sends what the broker could not take earlier (only the leader derives them). Offline means the node's last status said so (a will or a shutdown).
/// </summary>
public sealed class NocNodeWatcher : PeriodicRoundService
{
    private readonly ICollectorStore _store;
    private readonly NocPublisher _noc;
    private readonly NocOptions _options;
    private readonly TimeProvider _time;
    private readonly ILeadership? _leadership;

    /// <summary>Creates the watcher.</summary>
    public NocNodeWatcher(ICollectorStore store, NocPublisher noc, IOptions<NocOptions> options, TimeProvider time, LoopFailureCounters failures,
        ILogger<NocNodeWatcher> logger, ILeadership? leadership = null)
        : base(time, failures, logger)
    {
        _leadership = leadership;
        _store = store;
        _noc = noc;
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => _options.Interval;

    /// <inheritdoc />
    protected override string RoundName => "noc-nodes";

    /// <inheritdoc />
    public override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        // Several collectors on one PostgreSQL: only the leader speaks for the collectors (one stream).
        if (_leadership is { Shared: true, IsLeader: false })
        {
            await _noc.TickAsync(cancellationToken);
            return;
        }
        foreach (var n in await _store.GetNodesAsync(cancellationToken))
            await _noc.OfferAsync(NocAlertTexts.NodeOffline(n.Site, n.Node, !n.Online, now), cancellationToken);
        await _noc.TickAsync(cancellationToken);
    }
}
