using Chezlepro.Collector.Storage.Watermarks;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage.Watermarks;

public sealed class WatermarkWalkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static EvictedRun Run(long from, long to, int minute = 0) => new(from, to, "bytes", 100, T0.AddMinutes(minute));

    [Theory]
    [InlineData(0, new long[] { 1, 2, 3 }, 3)]
    [InlineData(0, new long[] { 3, 1, 2 }, 3)]
    [InlineData(0, new long[] { 2, 3 }, 0)]
    [InlineData(5, new long[] { 1, 2, 6 }, 6)]
    [InlineData(5, new long[] { }, 5)]
    public void Advance_Received_StopsAtTheFirstHole(long from, long[] received, long expected) =>
        Assert.Equal(expected, WatermarkWalk.Advance(from, received, []));

    [Fact]
    public void Advance_EvictedRuns_JumpedAndChained()
    {
        Assert.Equal(12, WatermarkWalk.Advance(1, [2, 8, 12], [Run(3, 7), Run(9, 11)]));
        Assert.Equal(1, WatermarkWalk.Advance(1, [8], [Run(3, 7)]));
        // A run reaching below the watermark (overlapping what is stored) still carries it to its end.
        Assert.Equal(9, WatermarkWalk.Advance(4, [], [Run(2, 9)]));
        Assert.Equal(10, WatermarkWalk.Advance(10, [], [Run(2, 9)]));
    }

    [Fact]
    public void Find_HolesAboveTheWatermark_KnownSinceTheFirstReceptionAfter()
    {
        var pending = new List<(long, DateTimeOffset)> { (5, T0.AddMinutes(3)), (9, T0.AddMinutes(1)), (10, T0.AddMinutes(2)) };
        var missing = DeliveryHoles.Find(2, pending, [Run(6, 7, 4)]);
        Assert.Equal(
            [(3L, 4L, false, T0.AddMinutes(1)), (6L, 7L, true, T0.AddMinutes(4)), (8L, 8L, false, T0.AddMinutes(1))],
            missing.Select(m => (m.From, m.To, m.Explained, m.Since)));
        var summary = DeliveryHoles.Summarise("s", "n", 2, missing);
        Assert.Equal((2L, 3L, (DateTimeOffset?)T0.AddMinutes(1)), (summary.ExplainedMissing, summary.UnexplainedMissing, summary.OldestUnexplainedSince));
    }

    [Fact]
    public void Find_NothingAbove_OnlyPastEvictions()
    {
        var missing = DeliveryHoles.Find(20, [], [Run(3, 7)]);
        Assert.True(Assert.Single(missing).Explained);
        Assert.Null(DeliveryHoles.Summarise("s", "n", 20, missing).OldestUnexplainedSince);
    }
}
