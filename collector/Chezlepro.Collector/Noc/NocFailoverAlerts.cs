using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Failover;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Failover as the NOC reads it: <c>failover-blocked:&lt;group&gt;</c> and <c>failover:&lt;group&gt;</c> alerts
/// (texts in <see cref="NocAlertTexts"/>), offered to the stream whose book keeps only what changes.
/// </summary>
public sealed class NocFailoverAlerts : IFailoverDecisionSink
{
    private readonly NocPublisher _noc;

    /// <summary>Creates the sink over the stream.</summary>
    public NocFailoverAlerts(NocPublisher noc) => _noc = noc;

    /// <inheritdoc />
    public Task GroupObservedAsync(FailoverGroupDefinition group, bool blocked, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return _noc.OfferAsync(NocAlertTexts.FailoverBlocked(group.Id, group.Primary, group.Secondary, blocked, at), cancellationToken);
    }

    /// <inheritdoc />
    public Task DecisionStandsAsync(FailoverGroupDefinition group, FailoverDecision decision, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return _noc.OfferAsync(NocAlertTexts.FailoverDecided(decision, group.Primary, at), cancellationToken);
    }
}
