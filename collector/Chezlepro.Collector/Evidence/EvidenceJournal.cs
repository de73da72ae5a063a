using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Storage;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// The journal over a store: seals entries into the chain, lists them, builds bundles and takes heads. An append is
/// idempotent on (kind, subject, at): the same fact appended again (recomputed after a restart, or by a new leader)
/// returns the record already stored, unchanged. The store is opened on first use (constructors do no I/O).
/// </summary>
public sealed class EvidenceJournal : IEvidenceJournal
{
    private readonly IEvidenceStore _store;
    private readonly SemaphoreSlim _open = new(1, 1);
    private volatile bool _opened;

    /// <summary>Creates the journal on a store.</summary>
    public EvidenceJournal(IEvidenceStore store) => _store = store;

    /// <inheritdoc />
    public async Task<EvidenceRecord> AppendAsync(EvidenceEntry entry, CancellationToken cancellationToken) =>
        (await AppendOnceAsync(entry, cancellationToken)).Record;

    /// <summary>Appends the entry unless a record of the same (kind, subject, at) is stored; says which happened.</summary>
    public async Task<(EvidenceRecord Record, bool Appended)> AppendOnceAsync(EvidenceEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Sealed once before the lock, so a value outside the canonical form is refused without touching the store.
        EvidenceChain.Seal(entry, 1, EvidenceCanonical.Genesis);
        await OpenAsync(cancellationToken);
        var audience = Audience(entry.Client, entry.Data);
        var (stored, appended) = await _store.AppendAsync(entry.Kind, entry.Subject, entry.At.ToUnixTimeMilliseconds(), tail =>
        {
            var r = EvidenceChain.Seal(entry, tail.Seq + 1, tail.Hash);
            return new StoredEvidence(r.Seq, r.Kind, r.At.ToUnixTimeMilliseconds(), r.Client, r.Subject, audience,
                Encoding.UTF8.GetString(EvidenceCanonical.Encode(r.Data)), r.Prev, r.Hash);
        }, cancellationToken);
        return (ToRecord(stored), appended);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvidenceRecord>> ListAsync(DateTimeOffset from, DateTimeOffset to, string? client, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        var rows = await _store.ListAsync(from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), client, cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    /// <summary>
    /// The bundle of every record from the first to the last whose time is in [from, to): for a client, its own records
    /// (and the provider-wide facts naming it in <c>data.clients</c>) in full, the others as stubs; for null, all in full.
    /// </summary>
    public async Task<EvidenceBundle> BundleAsync(string? client, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        var run = (await _store.RunAsync(from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), cancellationToken)).ToList();
        var visible = run.Where(r => client is null || r.Audience.Contains('|' + client + '|', StringComparison.Ordinal)).Select(r => r.Seq).ToHashSet();
        return EvidenceBundle.Of(client, from, to, run.Select(ToRecord).ToList(), r => visible.Contains(r.Seq), await HeadsAsync(cancellationToken));
    }

    /// <summary>Every head kept, oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceHead>> HeadsAsync(CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        return (await _store.ListHeadsAsync(cancellationToken)).Select(h => new EvidenceHead(
            DateOnly.ParseExact(h.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), h.Records, h.Head, DateTimeOffset.FromUnixTimeMilliseconds(h.TakenAtMs))).ToList();
    }

    /// <summary>Takes the head of the chain now, names it after <paramref name="date"/> and keeps it.</summary>
    public async Task<EvidenceHead> TakeHeadAsync(DateOnly date, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        var tail = await _store.TailAsync(cancellationToken);
        var head = new EvidenceHead(date, tail.Seq, tail.Hash, now);
        await _store.AddHeadAsync(new StoredEvidenceHead(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tail.Seq, tail.Hash,
            now.ToUnixTimeMilliseconds()), cancellationToken);
        return head;
    }

    /// <summary>The last record of a kind, or null.</summary>
    public async Task<EvidenceRecord?> LatestAsync(string kind, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        return await _store.LatestAsync(kind, cancellationToken) is { } r ? ToRecord(r) : null;
    }

    /// <summary>Removes the prefix of the chain older than <paramref name="cutoff"/>; returns how many records.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        return await _store.PruneAsync(cutoff.ToUnixTimeMilliseconds(), cancellationToken);
    }

    /// <summary>
    /// Who sees a record: its client, and for a provider-wide fact that concerns several clients (a failover group),
    /// each client its <c>data.clients</c> array names.
    /// </summary>
    public static string Audience(string? client, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var clients = new SortedSet<string>(StringComparer.Ordinal);
        if (client is not null) clients.Add(client);
        if (data["clients"] is JsonArray named)
        {
            foreach (var c in named)
            {
                if (c is JsonValue v && v.GetValueKind() == JsonValueKind.String) clients.Add(v.GetValue<string>());
            }
        }
        return clients.Count == 0 ? "" : "|" + string.Join('|', clients) + "|";
    }

    private static EvidenceRecord ToRecord(StoredEvidence r) =>
        new(r.Seq, r.Kind, DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs), r.Client, r.Subject,
            JsonNode.Parse(r.Data) as JsonObject ?? throw new InvalidDataException($"Evidence record {r.Seq}: data is not an object."), r.Prev, r.Hash);

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_opened) return;
        await _open.WaitAsync(cancellationToken);
        try
        {
            if (_opened) return;
            await _store.InitializeAsync(cancellationToken);
            _opened = true;
        }
        finally
        {
            _open.Release();
        }
    }
}
