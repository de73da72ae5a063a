namespace Chezlepro.Collector.Evidence;

/// <summary>
/// The append-only, hash-chained evidence journal (issue 20): what the provider did that a client or an auditor may
/// verify later. Writers append facts; only the journal decides sequence numbers and hashes.
/// </summary>
public interface IEvidenceJournal
{
    /// <summary>Appends one record at the end of the chain and returns it as stored (sequence number and hashes set).</summary>
    Task<EvidenceRecord> AppendAsync(EvidenceEntry entry, CancellationToken cancellationToken);

    /// <summary>Records whose time is in [from, to), in chain order; with a client, only records of that client.</summary>
    Task<IReadOnlyList<EvidenceRecord>> ListAsync(DateTimeOffset from, DateTimeOffset to, string? client, CancellationToken cancellationToken);
}
