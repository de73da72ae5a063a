using System.Text;
using Chezlepro.Collector.Ingest;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Xunit;

namespace Chezlepro.Collector.Tests.Ingest;

public sealed class GapsRulesTests
{
    private const string Gaps = "chezlepro/v1/lanaudiere/pve1/gaps";
    private readonly MessageValidator _validator = new(new TopicScheme(), 4096);

    private static EvictedRange Range(long from, long to, long count, params SeqSpan[] runs) =>
        new() { From = from, To = to, Count = count, Reason = EvictedRange.ReasonBytes, Ranges = runs.Length == 0 ? null : runs };

    [Fact]
    public void Problem_Valid_None()
    {
        Assert.Null(GapsRules.Problem(Range(10, 50, 41)));
        Assert.Null(GapsRules.Problem(Range(10, 50, 6, new SeqSpan(10, 12), new SeqSpan(48, 50))));
        Assert.Null(GapsRules.Problem(Range(7, 7, 1, new SeqSpan(7, 7))));
    }

    [Fact]
    public void Problem_Invalid_Named()
    {
        Assert.Contains("count", GapsRules.Problem(Range(10, 50, 40)));
        Assert.Contains("ascending", GapsRules.Problem(Range(0, 5, 6)));
        Assert.Contains("ascending", GapsRules.Problem(Range(9, 5, 1)));
        Assert.Contains("disjoint", GapsRules.Problem(Range(10, 50, 8, new SeqSpan(20, 22), new SeqSpan(10, 14))));
        Assert.Contains("disjoint", GapsRules.Problem(Range(10, 50, 7, new SeqSpan(10, 14), new SeqSpan(14, 15))));
        Assert.Contains("outside", GapsRules.Problem(Range(10, 50, 3, new SeqSpan(49, 51))));
        Assert.Contains("not ascending", GapsRules.Problem(Range(10, 50, 1, new SeqSpan(12, 11))));
        Assert.Contains("sizes", GapsRules.Problem(Range(10, 50, 4, new SeqSpan(10, 12))));
        Assert.Contains("empty", GapsRules.Problem(Range(10, 50, 0) with { Ranges = [] }));
        Assert.Contains("reason", GapsRules.Problem(Range(10, 50, 41) with { Reason = "whim" }));
        Assert.NotNull(GapsRules.Problem(null));
    }

    [Fact]
    public void Validate_GapsNotice_AcceptedOrRejectedAsSchema()
    {
        var ok = _validator.Validate(Gaps, Encoding.UTF8.GetBytes(
            """{"schema":1,"site":"lanaudiere","node":"pve1","seq":1300,"ts":"2026-11-21T15:00:00.000Z","evicted":{"from":1210,"to":1250,"count":41,"reason":"bytes"}}"""));
        Assert.Null(ok.Cause);
        Assert.Equal(41, Assert.IsType<GapsNotice>(ok.Message).Evicted.Count);
        var ranged = _validator.Validate(Gaps, Encoding.UTF8.GetBytes(
            """{"schema":1,"site":"lanaudiere","node":"pve1","seq":1300,"ts":"2026-11-21T15:00:00.000Z","evicted":{"from":1210,"to":1250,"count":3,"reason":"age","ranges":[{"from":1210,"to":1211},{"from":1250,"to":1250}]}}"""));
        Assert.Equal(2, Assert.IsType<GapsNotice>(ranged.Message).Evicted.Ranges!.Count);
        var overlap = _validator.Validate(Gaps, Encoding.UTF8.GetBytes(
            """{"schema":1,"site":"lanaudiere","node":"pve1","seq":1300,"ts":"2026-11-21T15:00:00.000Z","evicted":{"from":1210,"to":1250,"count":4,"reason":"age","ranges":[{"from":1210,"to":1212},{"from":1212,"to":1212}]}}"""));
        Assert.Equal(RejectCause.Schema, overlap.Cause);
        var noEvicted = _validator.Validate(Gaps, Encoding.UTF8.GetBytes("""{"schema":1,"site":"lanaudiere","node":"pve1","seq":1300,"ts":"2026-11-21T15:00:00.000Z"}"""));
        Assert.Equal(RejectCause.Schema, noEvicted.Cause);
    }

    [Theory]
    [InlineData("chezlepro/v1/lanaudiere/pve1/health/ceph", """{"schema":2,"site":"lanaudiere","node":"pve1","seq":9}""", 9L)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/telemetry/victron", """{"nested":{"seq":4},"seq":12,"x":[1,2""", 12L)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/gaps", """{"seq":7,"site":"st-bruno"}""", 7L)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/alerts", """{"nested":{"seq":4}}""", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/alerts", """{"seq":0}""", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/alerts", """{"seq":"5"}""", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/alerts", """{"seq":1.5}""", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/alerts", """[{"seq":3}]""", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/alerts", "not json", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/status", """{"seq":5}""", null)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/bogus", """{"seq":5}""", null)]
    public void RejectedSeqOf_OnlyAnOutboxTopicWithATopLevelSeq(string topic, string payload, long? expected)
    {
        var r = _validator.RejectedSeqOf(topic, Encoding.UTF8.GetBytes(payload), RejectCause.Schema);
        Assert.Equal(expected, r?.Seq);
        if (r is not null) Assert.Equal(("lanaudiere", "pve1", "schema"), (r.Site, r.Node, r.Cause));
    }
}
