using System.Text.Json;
using Chezlepro.Integration.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Integration.Tests.Chaos;

/// <summary>
/// How every chaos case ends: each seq the agent assigned up to <c>last</c> is stored exactly once at the collector
/// (read from its SQLite file, one row per stored message), the collector's own delivery view agrees (watermark at
/// <c>last</c> or beyond, nothing missing but what the agent declared evicted), and duplicates were counted, not stored.
/// </summary>
public static class DeliveryChecks
{
    public static async Task AssertEverySeqStoredOnceAsync(CollectorProcess collector, AgentProcess agent, long last, ITestOutputHelper output,
        IReadOnlySet<long>? evicted = null, TimeSpan? timeout = null)
    {
        evicted ??= new HashSet<long>();
        JsonElement delivery = default;
        await Eventually.HoldsAsync(async () =>
        {
            if (await collector.DeliveryAsync(ChaosAgent.Site, ChaosAgent.Node) is not { } d) return false;
            delivery = d;
            return d.GetProperty("watermark").GetInt64() >= last;
        }, timeout ?? TimeSpan.FromSeconds(60), () => $"watermark reaches {last} (now {Describe(delivery)})\nagent:\n{agent.Log}\ncollector:\n{collector.Log}");

        var stored = collector.StoredSeqs(ChaosAgent.Site, ChaosAgent.Node).Where(s => s <= last).ToList();
        var twice = stored.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"stored more than once: {string.Join(",", twice.Take(20))}");
        var storedSet = stored.ToHashSet();
        var lost = LongRange(1, last).Where(s => !storedSet.Contains(s) && !evicted.Contains(s)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} seqs neither stored nor declared evicted: {Runs(lost)}");

        // The delivery view: every missing range explained; together they cover each evicted seq the collector never got
        // and nothing the agent did not evict. (Evicted runs are listed as declared: a seq the agent evicted after
        // sending it, unacknowledged, can be both stored and in an explained range.)
        var missing = delivery.GetProperty("missing").EnumerateArray().ToList();
        var unexplained = missing.Where(m => !m.GetProperty("explained").GetBoolean()).ToList();
        Assert.True(unexplained.Count == 0, $"unexplained missing ranges: {Describe(delivery)}");
        var reported = missing.SelectMany(m => LongRange(m.GetProperty("from").GetInt64(), m.GetProperty("to").GetInt64())).Where(s => s <= last).ToHashSet();
        var expected = evicted.Where(s => s <= last && !storedSet.Contains(s)).ToHashSet();
        Assert.True(expected.IsSubsetOf(reported) && reported.IsSubsetOf(evicted),
            $"missing reported {Runs([.. reported.Order()])}; evicted {Runs([.. evicted.Order()])}, of them never stored {Runs([.. expected.Order()])}");

        var duplicates = await collector.MetricAsync("chezlepro_ingest_messages_total{result=\"duplicate\"}");
        output.WriteLine($"last seq {last}: {storedSet.Count} stored once, {expected.Count} evicted (explained), " +
                         $"{duplicates} duplicate deliveries counted by this collector run; delivery {Describe(delivery)}");
    }

    public static IEnumerable<long> LongRange(long from, long to)
    {
        for (var s = from; s <= to; s++) yield return s;
    }

    /// <summary>Seqs as runs ("3-7,9"), for messages.</summary>
    public static string Runs(IReadOnlyList<long> seqs)
    {
        var parts = new List<string>();
        for (var i = 0; i < seqs.Count;)
        {
            var j = i;
            while (j + 1 < seqs.Count && seqs[j + 1] == seqs[j] + 1) j++;
            parts.Add(i == j ? $"{seqs[i]}" : $"{seqs[i]}-{seqs[j]}");
            i = j + 1;
        }
        return string.Join(",", parts.Take(30));
    }

    private static string Describe(JsonElement delivery) => delivery.ValueKind == JsonValueKind.Undefined ? "none" : delivery.GetRawText();
}
