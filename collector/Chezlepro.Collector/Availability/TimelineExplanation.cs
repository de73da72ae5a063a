using System.Globalization;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;

namespace Chezlepro.Collector.Availability;

/// <summary>
/// Explains a service's month as segments with causes (contract.md, timeline). Pure. Every instant gets the state
/// <see cref="AvailabilityCalculator"/> gives it (same <see cref="ServiceTimeline"/>, same <see cref="Exclusions"/>,
/// and a state never depends on where the period starts), so figures computed from the totals over a contract's part
/// of the month are the SLA report's. On top of that, time no contract covers and time after <c>now</c> are named,
/// and spans are split where their causes change.
/// </summary>
public static class TimelineExplanation
{
    /// <summary>The timeline of <paramref name="service"/> over <paramref name="month"/> (America/Toronto).</summary>
    /// <param name="catalog">The catalog: the contracts listing the service set the covered time and the unknown policy.</param>
    /// <param name="service">The service.</param>
    /// <param name="histories">State intervals of its checks overlapping the month, including the one in force at its start.</param>
    /// <param name="windows">Maintenance windows (any services; those covering this one apply).</param>
    /// <param name="month">The month.</param>
    /// <param name="now">The present: later time is <see cref="TimelineKind.Future"/>.</param>
    public static ServiceMonthTimeline Explain(CatalogOptions catalog, ServiceDefinition service, CheckHistoryIndex histories,
        IEnumerable<MaintenanceWindow> windows, MonthPeriod month, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(windows);
        var zone = LocalTime.Toronto;
        var start = month.Start(zone);
        var end = month.End(zone);
        var measuredTo = now < start ? start : now > end ? end : now;
        var covering = windows.Where(w => w.Covers(service.Id) && w.EffectiveEnd > w.ExclusionStart)
            .OrderBy(w => w.ExclusionStart).ThenBy(w => w.Id, StringComparer.Ordinal).ToList();
        var timeline = ServiceTimeline.Build([.. service.Checks.Select(c => c.ToKey())], histories, service.EffectiveStalenessLimit, start, measuredTo);
        var states = Exclusions.Apply(timeline.Segments, Exclusions.For(service.Id, covering));

        var measured = new List<TimelineSegment>();
        var cursors = new int[timeline.Checks.Count];
        foreach (var s in states)
        {
            switch (s.State)
            {
                case ServiceState.Up: Append(measured, s.From, s.To, TimelineKind.Up, []); break;
                case ServiceState.Excluded: ExplainExcluded(measured, s, covering); break;
                default: ExplainChecks(measured, s, timeline, cursors); break;
            }
        }

        Append(measured, measuredTo, end, TimelineKind.Future,
            [new TimelineCause { Kind = TimelineCauseKind.NotYet, Text = $"after {Stamp(now)}: not measured yet" }]);
        var contracts = catalog.Contracts.Where(c => c.Services.Contains(service.Id, StringComparer.Ordinal))
            .Select(c => (Contract: c, Span: ContractSpan(c, start, end, zone)))
            .Where(c => c.Span.To > c.Span.From)
            .ToList();
        var segments = ClipToContracts(measured, Merge(contracts.Select(c => c.Span)), service.Id);
        var totals = TimelineTotals.Of(segments);
        // Contracts of one service normally share the policy; when they do not, the default (down) is shown.
        var unknownCountsAsDown = contracts.Count == 0 || contracts.Any(c => c.Contract.UnknownCountsAsDown);
        var exact = AvailabilityRatio.Percent(totals.Up, totals.Counted(unknownCountsAsDown));
        return new ServiceMonthTimeline
        {
            Service = service.Id,
            Month = month.ToString(),
            From = start,
            To = end,
            ComputedAt = now,
            Complete = now >= end,
            StalenessLimitSeconds = service.EffectiveStalenessLimit.TotalSeconds,
            UnknownCountsAsDown = unknownCountsAsDown,
            Totals = totals,
            ExactAvailability = exact,
            Availability = exact is { } e ? AvailabilityRatio.ForDisplay(e) : null,
            Segments = segments,
        };
    }

    /// <summary>The part of [monthStart, monthEnd) a contract covers: its Start and End are inclusive local dates.</summary>
    internal static (DateTimeOffset From, DateTimeOffset To) ContractSpan(ContractDefinition contract, DateTimeOffset monthStart, DateTimeOffset monthEnd, TimeZoneInfo zone)
    {
        var from = LocalTime.StartOfDay(contract.Start, zone);
        var to = contract.End is { } last ? LocalTime.StartOfDay(last.AddDays(1), zone) : monthEnd;
        return (from > monthStart ? from : monthStart, to < monthEnd ? to : monthEnd);
    }

    private static void ExplainExcluded(List<TimelineSegment> into, StateSegment segment, List<MaintenanceWindow> covering)
    {
        // Overlapping windows: cut wherever one starts or ends, and name every window over each piece.
        var cuts = new SortedSet<DateTimeOffset> { segment.From, segment.To };
        foreach (var w in covering)
        {
            if (w.ExclusionStart > segment.From && w.ExclusionStart < segment.To) cuts.Add(w.ExclusionStart);
            if (w.EffectiveEnd > segment.From && w.EffectiveEnd < segment.To) cuts.Add(w.EffectiveEnd);
        }

        var previous = segment.From;
        foreach (var cut in cuts.Skip(1))
        {
            var causes = covering.Where(w => w.ExclusionStart <= previous && w.EffectiveEnd >= cut)
                .Select(w => new TimelineCause { Kind = TimelineCauseKind.Maintenance, WindowId = w.Id, WindowReason = w.Reason, Text = $"maintenance {w.Id}: {w.Reason}" })
                .ToList();
            Append(into, previous, cut, TimelineKind.Excluded, causes);
            previous = cut;
        }
    }

    private static void ExplainChecks(List<TimelineSegment> into, StateSegment segment, ServiceTimeline timeline, int[] cursors)
    {
        var kind = segment.State == ServiceState.Down ? TimelineKind.Down : TimelineKind.Unknown;
        var wanted = segment.State == ServiceState.Down ? CheckCondition.Critical : CheckCondition.Unknown;
        var t = segment.From;
        while (t < segment.To)
        {
            var next = segment.To;
            var causes = new List<TimelineCause>();
            for (var k = 0; k < cursors.Length; k++)
            {
                // Segments come in order, so each check's cursor only moves forward over the month.
                var spans = timeline.SpansOf(k);
                while (cursors[k] < spans.Count && spans[cursors[k]].To <= t) cursors[k]++;
                if (cursors[k] >= spans.Count) continue;
                var span = spans[cursors[k]];
                if (span.To < next) next = span.To;
                if (span.Condition == wanted) causes.Add(CauseOf(timeline.Checks[k], span));
            }

            Append(into, t, next, kind, causes);
            t = next;
        }
    }

    private static TimelineCause CauseOf(CheckKey check, CheckSegment span) => span.Evidence switch
    {
        CheckEvidence.NoData => new TimelineCause { Kind = TimelineCauseKind.NoData, Check = check, Text = $"{check}: no data" },
        CheckEvidence.Stale => new TimelineCause
        {
            Kind = TimelineCauseKind.Stale, Check = check, Status = span.Status, LastResultAt = span.LastSeen,
            Text = $"{check}: no result since {Stamp(span.LastSeen)}",
        },
        _ when span.Condition == CheckCondition.Critical =>
            new TimelineCause { Kind = TimelineCauseKind.Critical, Check = check, Status = span.Status, Text = $"{check}: critical" },
        _ => new TimelineCause { Kind = TimelineCauseKind.ReportedUnknown, Check = check, Status = span.Status, Text = $"{check}: reported unknown" },
    };

    private static List<TimelineSegment> ClipToContracts(List<TimelineSegment> segments, List<(DateTimeOffset From, DateTimeOffset To)> covered, string serviceId)
    {
        IReadOnlyList<TimelineCause> none = [new TimelineCause { Kind = TimelineCauseKind.NoContract, Text = $"no contract of {serviceId} covers this time" }];
        var result = new List<TimelineSegment>(segments.Count + 2);
        var c = 0;
        foreach (var seg in segments)
        {
            var t = seg.From;
            while (t < seg.To)
            {
                while (c < covered.Count && covered[c].To <= t) c++;
                if (c >= covered.Count || covered[c].From >= seg.To)
                {
                    Append(result, t, seg.To, TimelineKind.OutsideContract, none);
                    break;
                }

                if (covered[c].From > t)
                {
                    Append(result, t, covered[c].From, TimelineKind.OutsideContract, none);
                    t = covered[c].From;
                }

                var e = covered[c].To < seg.To ? covered[c].To : seg.To;
                Append(result, t, e, seg.Kind, seg.Causes);
                t = e;
            }
        }

        return result;
    }

    private static List<(DateTimeOffset From, DateTimeOffset To)> Merge(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans)
    {
        var merged = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var s in spans.OrderBy(s => s.From))
        {
            if (merged.Count > 0 && s.From <= merged[^1].To)
            {
                if (s.To > merged[^1].To) merged[^1] = (merged[^1].From, s.To);
            }
            else merged.Add(s);
        }

        return merged;
    }

    private static void Append(List<TimelineSegment> list, DateTimeOffset from, DateTimeOffset to, TimelineKind kind, IReadOnlyList<TimelineCause> causes)
    {
        if (to <= from) return;
        if (list.Count > 0 && list[^1].To == from && list[^1].Kind == kind && list[^1].Causes.SequenceEqual(causes)) list[^1] = list[^1] with { To = to };
        else list.Add(new TimelineSegment { From = from, To = to, Kind = kind, Causes = causes });
    }

    private static string Stamp(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "?";
}
