using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Failover;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// Journals every failover decision that comes to stand (failover tells its listeners only from the leader's rounds).
/// Subject <c>group#epoch</c> at the decision's time: a decision told again (a lapsed advisory) is stored once.
/// </summary>
public sealed class EvidenceFailoverSink : IFailoverDecisionSink
{
    private readonly IEvidenceJournal _journal;
    private readonly IOptionsMonitor<CatalogOptions> _catalog;

    /// <summary>Creates the sink.</summary>
    public EvidenceFailoverSink(IEvidenceJournal journal, IOptionsMonitor<CatalogOptions> catalog)
    {
        _journal = journal;
        _catalog = catalog;
    }

    /// <inheritdoc />
    public Task GroupObservedAsync(FailoverGroupDefinition group, bool blocked, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task DecisionStandsAsync(FailoverGroupDefinition group, FailoverDecision decision, DateTimeOffset at, CancellationToken cancellationToken) =>
        _journal.AppendAsync(EvidenceFacts.FailoverDecided(group, decision, _catalog.CurrentValue), cancellationToken);
}
