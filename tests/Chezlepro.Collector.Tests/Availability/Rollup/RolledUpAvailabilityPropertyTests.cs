using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Availability.Rollup;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Chezlepro.Collector.Tests.Availability.Rollup;

public class RolledUpAvailabilityPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(250);

    [Fact]
    public void Compute_FromTheRollupAndOnlyTheRawRangesIntervals_EqualsTheRawFigures() =>
        Check.One(Quick, Prop.ForAll(RollupCase.Arbitrary(), c =>
        {
            var service = c.Service();
            var full = new CheckHistoryIndex(c.Intervals);
            var rollup = c.Rollup();
            var ranges = RolledUpAvailability.RawRanges(service, rollup, c.Windows, c.From, c.To, c.Now);
            // Only what the store would read for those ranges: the intervals overlapping one of them.
            var partial = new CheckHistoryIndex(c.Intervals.Where(i => ranges.Any(r => i.From < r.To && (i.To is null || i.To > r.From))));
            var expected = AvailabilityCalculator.Compute(service, full, c.Windows, c.From, c.To, c.Now, unknownCountsAsDown: c.TwoChecks);
            var actual = RolledUpAvailability.Compute(service, rollup, partial, c.Windows, c.From, c.To, c.Now, unknownCountsAsDown: c.TwoChecks);
            Assert.True(expected.Up == actual.Up && expected.Down == actual.Down && expected.Unknown == actual.Unknown && expected.Excluded == actual.Excluded
                && expected.To == actual.To && expected.Exact == actual.Exact,
                $"expected up {expected.Up} down {expected.Down} unknown {expected.Unknown} excluded {expected.Excluded}; "
                + $"got up {actual.Up} down {actual.Down} unknown {actual.Unknown} excluded {actual.Excluded}; raw ranges {ranges.Count}");
            return true;
        }));

    [Fact]
    public void Compute_ALongQuietStretch_IsCountedFromTheRollupWithoutRawIntervals()
    {
        // A check ok for three weeks: the roll-up decides every whole day; only the partial first day needs raw rows.
        var from = Scenario.Local("2026-03-01 12:00");
        var c = new RollupCase(Scenario.History(Scenario.Mail, from.AddDays(-2), from.AddDays(25)), false, false, from, from.AddDays(20),
            from.AddDays(30), TorontoDays.StartOf(from.AddDays(22)), []);
        var ranges = RolledUpAvailability.RawRanges(c.Service(), c.Rollup(), [], c.From, c.To, c.Now);
        Assert.Equal([(from, TorontoDays.StartOf(from.AddDays(1))), (TorontoDays.StartOf(from.AddDays(20)), from.AddDays(20))], ranges);
        var a = RolledUpAvailability.Compute(c.Service(), c.Rollup(), new CheckHistoryIndex(c.Intervals), [], c.From, c.To, c.Now);
        Assert.Equal((c.To - c.From, TimeSpan.Zero, TimeSpan.Zero), (a.Up, a.Down, a.Unknown));
    }
}
