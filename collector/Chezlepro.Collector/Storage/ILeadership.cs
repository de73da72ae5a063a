namespace Chezlepro.Collector.Storage;

/// <summary>
/// Who speaks for the collectors when decisions must have a single writer (failover decisions, the NOC stream).
/// The store decides what leadership means: one SQLite collector always leads; collectors sharing a PostgreSQL
/// database lead by holding an advisory lock.
/// </summary>
public interface ILeadership
{
    /// <summary>True when several collectors may run at once, so leadership is contended.</summary>
    bool Shared { get; }

    /// <summary>Leadership as of the last <see cref="HoldAsync"/>.</summary>
    bool IsLeader { get; }

    /// <summary>Keeps or tries to take leadership; returns whether this collector leads this round.</summary>
    Task<bool> HoldAsync(CancellationToken cancellationToken);
}
