using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Storage;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Hosting;

/// <summary>
/// Keeps or takes leadership every <see cref="Interval"/>, whatever else runs. The once-only jobs (watermarks, NOC
/// watchers and sinks, prune) read <see cref="ILeadership.IsLeader"/>; before this loop only the failover round refreshed
/// it, so with failover switched off a PostgreSQL collector never led and nobody did those jobs. Idle on SQLite, where
/// the one collector always leads.
/// </summary>
public sealed class LeadershipService : PeriodicRoundService
{
    /// <summary>Name of the loop in the log and in <c>/metrics</c>.</summary>
    public const string LoopName = "leadership";

    /// <summary>
    /// Time between two tries. A follower takes over at most this long after the leader's session ends (its lock is
    /// freed with the session: at once on a clean stop or a kill, within the keepalive bound when the host vanishes).
    /// </summary>
    public static readonly TimeSpan Pace = TimeSpan.FromSeconds(2);

    private readonly ILeadership _leadership;

    /// <summary>Creates the service.</summary>
    public LeadershipService(ILeadership leadership, TimeProvider time, LoopFailureCounters failures, ILogger<LeadershipService> logger)
        : base(time, failures, logger) => _leadership = leadership;

    /// <inheritdoc />
    protected override TimeSpan Interval => Pace;

    /// <inheritdoc />
    protected override string RoundName => LoopName;

    /// <inheritdoc />
    protected override bool Enabled => _leadership.Shared;

    /// <inheritdoc />
    public override Task RunRoundAsync(CancellationToken cancellationToken) => _leadership.HoldAsync(cancellationToken);
}
