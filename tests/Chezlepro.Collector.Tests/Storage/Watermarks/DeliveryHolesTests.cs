using Chezlepro.Collector.Storage.Watermarks;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage.Watermarks;

/// <summary>Seqs a gaps notice declared evicted but that reached the collector anyway are stored, not missing.</summary>
public sealed class DeliveryHolesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static EvictedRun Run(long from, long to) => new(from, to, "bytes", 100, T0);

    [Fact]
    public void Find_EvictedButArrivedAboveTheWatermark_NotCountedMissing()
    {
        // 5 and 7 were PUBACKed before the agent evicted them unacknowledged; the broker delivered them after all.
        var pending = new List<(long, DateTimeOffset)> { (5, T0), (7, T0), (10, T0) };
        var missing = DeliveryHoles.Find(2, pending, [Run(3, 9)]);
        Assert.Equal([(3L, 4L, true), (6L, 6L, true), (8L, 9L, true)], missing.Select(m => (m.From, m.To, m.Explained)));
        var summary = DeliveryHoles.Summarise("s", "n", 2, missing);
        Assert.Equal((5L, 0L), (summary.ExplainedMissing, summary.UnexplainedMissing));
    }

    [Fact]
    public void Find_EvictedButStoredBelowTheWatermark_NotCountedMissing()
    {
        var missing = DeliveryHoles.Find(20, [], [Run(3, 7)], stored: [3, 4, 7, 25]);
        Assert.Equal([(5L, 6L, true)], missing.Select(m => (m.From, m.To, m.Explained)));
    }

    [Fact]
    public void Find_RunWhollyArrived_NothingMissing()
    {
        var missing = DeliveryHoles.Find(10, [], [Run(3, 5)], stored: [3, 4, 5]);
        Assert.Empty(missing);
        Assert.Equal(0, DeliveryHoles.Summarise("s", "n", 10, missing).ExplainedMissing);
    }

    [Fact]
    public void Find_OverlappingDeclarations_EachSeqCountedOnce()
    {
        var missing = DeliveryHoles.Find(20, [], [Run(3, 7), Run(5, 9)]);
        Assert.Equal(7, DeliveryHoles.Summarise("s", "n", 20, missing).ExplainedMissing);
    }
}
