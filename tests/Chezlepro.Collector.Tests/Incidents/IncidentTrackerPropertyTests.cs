using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Incidents;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Incidents;

public class IncidentTrackerPropertyTests
{
    private static readonly IncidentTracker Tracker = new(new IncidentPolicy(), BusinessCalendar.Toronto([]));

    [Fact]
    public void Derive_AnyTimeline_IncidentsAreOrderedDisjointAndCoverRealDowntime() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.Elements(ServiceState.Up, ServiceState.Down, ServiceState.Unknown, ServiceState.Excluded), Gen.Choose(1, 400)))
                .Select(l => l.ToList()).ToArbitrary(),
            steps =>
            {
                var t = T("2026-04-10T00:00:00Z");
                var segments = new List<StateSegment>();
                foreach (var (state, seconds) in steps)
                {
                    var e = t.AddSeconds(seconds);
                    if (segments.Count > 0 && segments[^1].State == state) segments[^1] = segments[^1] with { To = e };
                    else segments.Add(new StateSegment(t, e, state));
                    t = e;
                }

                var incidents = Tracker.Derive(Service(), segments, new Dictionary<string, DateTimeOffset>(), t);
                DateTimeOffset? previousEnd = null;
                foreach (var i in incidents)
                {
                    if (i.DetectedAt != i.StartedAt.AddSeconds(60)) return false;
                    if (i.RestoredAt is { } r && r < i.DetectedAt) return false;
                    if (previousEnd is { } p && i.StartedAt < p) return false;
                    // The service really was down for the whole debounce from the start.
                    var downAtStart = segments.Any(s => s.State == ServiceState.Down && s.From <= i.StartedAt && s.To >= i.DetectedAt);
                    if (!downAtStart) return false;
                    previousEnd = i.RestoredAt ?? DateTimeOffset.MaxValue;
                }

                // Every down run of at least the debounce belongs to some incident.
                return segments.Where(s => s.State == ServiceState.Down && s.Duration >= TimeSpan.FromSeconds(60))
                    .All(s => incidents.Any(i => i.StartedAt <= s.From && (i.RestoredAt ?? DateTimeOffset.MaxValue) >= s.To));
            }));
}
