using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Rpo;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Noc;

/// <summary>
/// Offers the alerts of <see cref="ServiceLevelAlertRules"/> to the NOC stream each round. An id that stops being
/// derived (its incident left the look-back, a guest left the catalog) is cleared with its last clear text, so
/// nothing stays raised for a situation the collector no longer sees. Serialised by its single caller.
/// </summary>
public sealed class NocServiceLevelAlerts
{
    private readonly NocPublisher _noc;
    private Dictionary<string, NocAlert> _raised = new(StringComparer.Ordinal);

    /// <summary>Creates the deriver over the stream.</summary>
    public NocServiceLevelAlerts(NocPublisher noc) => _noc = noc;

    /// <summary>One round.</summary>
    public async Task OfferAsync(IReadOnlyList<Incident> incidents, IReadOnlyList<GuestRpo> rpo, IncidentPolicy policy, BusinessCalendar calendar,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var raised = new Dictionary<string, NocAlert>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in ServiceLevelAlertRules.Derive(incidents, rpo, policy, calendar, now).Concat(NoticeLateAlertRules.Derive(incidents, now)))
        {
            await _noc.OfferAsync(a, cancellationToken);
            seen.Add(a.Id);
            if (a.State == AlertState.Raised) raised[a.Id] = a;
        }
        foreach (var (id, last) in _raised)
        {
            if (!seen.Contains(id)) await _noc.OfferAsync(Cleared(last, now), cancellationToken);
        }
        _raised = raised;
    }

    private static NocAlert Cleared(NocAlert raised, DateTimeOffset now) => raised with
    {
        State = AlertState.Cleared,
        Ts = now,
        Summary = $"Fin de l’alerte {raised.Id} : situation plus observée",
        SummaryEn = $"Alert {raised.Id} cleared: situation no longer observed",
    };
}
