using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Chezlepro.Collector.Tests.Availability;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Tests.Reports;

/// <summary>One health result of a case: check number, capture time (Unix seconds), status, arrival key, sent twice.</summary>
internal sealed record CaseResult(int Check, long At, HealthStatus Status, int Arrival, bool Resent);

/// <summary>A maintenance window of a case (Unix seconds); <paramref name="OtherService"/>: it names another service.</summary>
internal sealed record CaseWindow(long Start, long End, long AnnouncedAt, long? EndedEarlyAt, bool OtherService);

/// <summary>
/// One month of one service as the differential tests feed it: the raw results of its 1–3 checks (capture order),
/// how they arrive (sorted by <see cref="CaseResult.Arrival"/>, then capture order; a resent result arrives again,
/// with the same seq, one arrival key later), in batches of 1..<see cref="MaxBatch"/> messages drawn from
/// <see cref="BatchSeed"/>, its maintenance windows, its contract and the incident policy.
/// </summary>
internal sealed record DifferentialCase(
    int Year,
    int Month,
    int Checks,
    int Staleness,
    bool TwoNodes,
    DateOnly ContractStart,
    DateOnly? ContractEnd,
    bool UnknownCountsAsDown,
    decimal Objective,
    int Debounce,
    int RestoreDebounce,
    int MaxBatch,
    int BatchSeed,
    ImmutableArray<CaseResult> Results,
    ImmutableArray<CaseWindow> Windows)
{
    /// <summary>The node a check reports from.</summary>
    public int NodeOf(int check) => TwoNodes ? check % 2 : 0;

    /// <summary>The results as the reference model takes them.</summary>
    public IEnumerable<ReferenceModel.Result> ModelResults => Results.Select(r => new ReferenceModel.Result(r.Check, r.At, r.Status));

    /// <summary>The windows as the reference model takes them.</summary>
    public IEnumerable<ReferenceModel.Window> ModelWindows => Windows.Select(w => new ReferenceModel.Window(w.Start, w.End, w.AnnouncedAt, w.EndedEarlyAt, !w.OtherService));

    /// <summary>
    /// Every message in arrival order: (index into <see cref="Results"/>, seq). Seqs are per node, in capture order,
    /// as the agent's outbox numbers them.
    /// </summary>
    public List<(int Index, long Seq)> Arrivals()
    {
        var seq = new long[Results.Length];
        var next = new long[2];
        for (var i = 0; i < Results.Length; i++) seq[i] = ++next[NodeOf(Results[i].Check)];
        var sends = Results.Select((r, i) => (Key: r.Arrival, Index: i))
            .Concat(Results.Select((r, i) => (Key: r.Arrival + 1, Index: i, r.Resent)).Where(x => x.Resent).Select(x => (x.Key, x.Index)));
        return [.. sends.OrderBy(x => x.Key).ThenBy(x => x.Index).Select(x => (x.Index, seq[x.Index]))];
    }

    /// <summary>Batch sizes covering <paramref name="count"/> messages.</summary>
    public List<int> BatchSizes(int count)
    {
        var rnd = new Random(BatchSeed);
        var sizes = new List<int>();
        for (var left = count; left > 0;)
        {
            var n = Math.Min(left, rnd.Next(1, MaxBatch + 1));
            sizes.Add(n);
            left -= n;
        }

        return sizes;
    }

    public override string ToString()
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}, {Checks} check(s) on {(TwoNodes ? 2 : 1)} node(s), staleness {Staleness} s, ");
        b.Append(CultureInfo.InvariantCulture, $"contract {ContractStart:yyyy-MM-dd}..{(ContractEnd is { } e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}, ");
        b.Append(CultureInfo.InvariantCulture, $"unknown {(UnknownCountsAsDown ? "counts as down" : "not counted")}, objective {Objective}, ");
        b.Append(CultureInfo.InvariantCulture, $"debounce {Debounce}/{RestoreDebounce} s, batches of 1..{MaxBatch} (seed {BatchSeed})");
        b.Append(CultureInfo.InvariantCulture, $"\n  {Results.Length} results (capture order; arrival key; resent = sent twice, same seq):");
        foreach (var r in Results)
        {
            b.Append(CultureInfo.InvariantCulture, $"\n    c{r.Check} {Utc(r.At)} {r.Status.ToString().ToLowerInvariant(),-8} arrival {r.Arrival}{(r.Resent ? " resent" : "")}");
        }

        foreach (var w in Windows)
        {
            b.Append(CultureInfo.InvariantCulture, $"\n  window {Utc(w.Start)}..{Utc(w.End)} announced {Utc(w.AnnouncedAt)}");
            if (w.EndedEarlyAt is { } early) b.Append(CultureInfo.InvariantCulture, $" ended early {Utc(early)}");
            if (w.OtherService) b.Append(" (another service)");
        }

        return b.ToString();
    }

    public static string Utc(long unix) => DateTimeOffset.FromUnixTimeSeconds(unix).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
