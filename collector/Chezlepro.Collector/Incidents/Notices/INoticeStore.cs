namespace Chezlepro.Collector.Incidents.Notices;

/// <summary>Where notices are kept (SQLite or PostgreSQL, <c>Storage/*/…NoticeStore</c>); append-only.</summary>
public interface INoticeStore
{
    /// <summary>Stores a notice and returns it with its id.</summary>
    Task<IncidentNotice> AddAsync(IncidentNotice notice, CancellationToken cancellationToken);

    /// <summary>The notices of one incident, or of every incident when <paramref name="incidentId"/> is null, in recording order.</summary>
    Task<IReadOnlyList<IncidentNotice>> ListAsync(string? incidentId, CancellationToken cancellationToken);
}
