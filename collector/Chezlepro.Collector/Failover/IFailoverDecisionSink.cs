using Chezlepro.Collector.Catalog;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Failover;

/// <summary>
/// What failover tells whoever listens (the NOC stream, a pager, a log): the only way out of failover besides the
/// retained decision topic. Failover knows nothing of its listeners; each registers itself as a sink. Called from
/// the decision-maker's rounds, one call at a time; a listener that fails costs that round.
/// </summary>
public interface IFailoverDecisionSink
{
    /// <summary>
    /// Every round, for every group: whether failover is blocked (the primary is down but the secondary is not
    /// healthy, so nothing can be decided). Repeated every round: the sink keeps only what changes.
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="blocked">Blocked now.</param>
    /// <param name="at">When it was observed.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task GroupObservedAsync(FailoverGroupDefinition group, bool blocked, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The decision that now stands for a group: one just written to the audit log (published next), or, when an
    /// advisory proposal lapsed, the decision that applies again.
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="decision">The decision as consumers read it.</param>
    /// <param name="at">When it came to stand.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task DecisionStandsAsync(FailoverGroupDefinition group, FailoverDecision decision, DateTimeOffset at, CancellationToken cancellationToken);
}
