namespace Chezlepro.Collector.Storage;

/// <summary>
/// Where the evidence journal lives (<c>Evidence/EvidenceJournal</c> computes the chain). Appends are serialised across
/// every collector sharing the store, so the chain never forks; (kind, subject, at) is unique, so a fact seen again
/// after a restart or by a new leader is stored once.
/// </summary>
public interface IEvidenceStore : IAsyncDisposable
{
    /// <summary>Opens the store and creates its tables (idempotent).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Under the chain's lock: the record with this (kind, subject, at) when one is stored, else the record
    /// <paramref name="seal"/> makes from the tail (it must use the tail's seq + 1 and hash), stored and returned.
    /// The flag says whether it was appended now.
    /// </summary>
    Task<(StoredEvidence Record, bool Appended)> AppendAsync(string kind, string subject, long atMs, Func<EvidenceTail, StoredEvidence> seal,
        CancellationToken cancellationToken);

    /// <summary>The end of the chain.</summary>
    Task<EvidenceTail> TailAsync(CancellationToken cancellationToken);

    /// <summary>Records with at in [from, to), in chain order; with a client, only those its audience holds.</summary>
    Task<IReadOnlyList<StoredEvidence>> ListAsync(long fromMs, long toMs, string? client, CancellationToken cancellationToken);

    /// <summary>Every record from the first to the last whose at is in [from, to), in chain order (a run without holes).</summary>
    Task<IReadOnlyList<StoredEvidence>> RunAsync(long fromMs, long toMs, CancellationToken cancellationToken);

    /// <summary>The last record of a kind, or null.</summary>
    Task<StoredEvidence?> LatestAsync(string kind, CancellationToken cancellationToken);

    /// <summary>Removes the prefix of the chain before the first record at or after <paramref name="beforeMs"/>; returns rows removed.</summary>
    Task<int> PruneAsync(long beforeMs, CancellationToken cancellationToken);

    /// <summary>Keeps a head (a second one of the same date and record is ignored).</summary>
    Task AddHeadAsync(StoredEvidenceHead head, CancellationToken cancellationToken);

    /// <summary>Every head kept, oldest first.</summary>
    Task<IReadOnlyList<StoredEvidenceHead>> ListHeadsAsync(CancellationToken cancellationToken);
}
