using Chezlepro.Collector.Evidence;

namespace Chezlepro.Collector.Tests.Support;

/// <summary>
/// A stand-in for the evidence journal where a test only checks what its writers append (the chain itself is tested
/// with the real journal): records kept in order, with a sequence number and no hashing.
/// </summary>
internal sealed class InMemoryEvidenceJournal : IEvidenceJournal
{
    private readonly List<EvidenceRecord> _records = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<EvidenceRecord> Records
    {
        get
        {
            lock (_lock) return [.. _records];
        }
    }

    public Task<EvidenceRecord> AppendAsync(EvidenceEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            var record = new EvidenceRecord(_records.Count + 1, entry.Kind, entry.At, entry.Client, entry.Subject, entry.Data, "", "");
            _records.Add(record);
            return Task.FromResult(record);
        }
    }

    public Task<IReadOnlyList<EvidenceRecord>> ListAsync(DateTimeOffset from, DateTimeOffset to, string? client, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EvidenceRecord>>([.. Records.Where(r => r.At >= from && r.At < to && (client is null || r.Client == client))]);
}
