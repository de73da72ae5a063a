using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Tests.Availability;

/// <summary>
/// The plainest reading of service-levels.md, used as the oracle of the differential tests: a service's state is
/// computed for every whole second, straight from the raw health results (no folding, no intervals), then
/// counted. It is slow on purpose (a month is ~2.7 M seconds) and shares no code with the collector: instants are
/// Unix seconds, the month and the contract's days come from <see cref="TimeZoneInfo"/> directly.
/// </summary>
/// <remarks>
/// The rules, as the brief for the order-independent fold states them:
/// <list type="bullet">
/// <item>A check's condition at t: its latest result with ts ≤ t (same ts: the most severe, critical &gt; unknown &gt;
/// warning &gt; ok) holds while t &lt; ts + L (warning counts as ok); later it is stale, i.e. unknown; no result at or
/// before t: unknown.</item>
/// <item>The service at t: down if any check is critical; else unknown if any is unknown; else up.</item>
/// <item>A second inside the announced part of a maintenance window covering the service is excluded: from the later
/// of its start and its announcement, to its end or its early end.</item>
/// <item>Availability = up / (up + down [+ unknown]) × 100; credit = per-tranche % × ceiling(shortfall / tranche),
/// capped.</item>
/// <item>Incidents: open after <c>debounce</c> seconds of continuous down (started at the first of them), restored
/// after <c>restore</c> seconds of continuous up (restored at the first of them); unknown and excluded seconds end a
/// pending down run and a pending up run.</item>
/// </list>
/// </remarks>
internal static class ReferenceModel
{
    public static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    /// <summary>The state of one second.</summary>
    public enum State : byte
    {
        Up,
        Down,
        Unknown,
        Excluded,
    }

    private enum Condition : byte
    {
        Ok,
        Critical,
        Unknown,
    }

    /// <summary>One health result of check number <paramref name="Check"/>, captured at Unix second <paramref name="Ts"/>.</summary>
    public readonly record struct Result(int Check, long Ts, HealthStatus Status);

    /// <summary>A maintenance window as announced (Unix seconds); <paramref name="Covers"/>: whether it names the service.</summary>
    public sealed record Window(long Start, long End, long AnnouncedAt, long? EndedEarlyAt, bool Covers);

    /// <summary>Seconds of each state over a period and what they are worth.</summary>
    public sealed record Figures(long From, long To, long Up, long Down, long Unknown, long Excluded, decimal? Exact, int Tranches, decimal CreditPercent)
    {
        public decimal? Shown => Exact is { } e ? decimal.Truncate(e * 1000m) / 1000m : null;
    }

    /// <summary>An incident: first down second, and first up second of the run that restored it (null: still open).</summary>
    public readonly record struct Incident(long Started, long? Restored);

    /// <summary>Unix seconds of a local midnight in America/Toronto (never skipped nor repeated: DST changes at 2:00).</summary>
    public static long LocalMidnight(DateOnly day) =>
        new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Toronto)).ToUnixTimeSeconds();

    /// <summary>The calendar month [first local midnight, next first local midnight).</summary>
    public static (long From, long To) Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (LocalMidnight(first), LocalMidnight(first.AddMonths(1)));
    }

    /// <summary>The month clipped by a contract's first and last (inclusive) local days; null when they do not meet.</summary>
    public static (long From, long To)? ContractPeriod((long From, long To) month, DateOnly start, DateOnly? end)
    {
        var from = Math.Max(month.From, LocalMidnight(start));
        var to = end is { } last ? Math.Min(month.To, LocalMidnight(last.AddDays(1))) : month.To;
        return to > from ? (from, to) : null;
    }

    /// <summary>The state of every second of [from, to): element i is the second from + i.</summary>
    public static State[] States(int checks, IEnumerable<Result> results, long staleness, IEnumerable<Window> windows, long from, long to)
    {
        // Per check: one entry per distinct ts, holding the most severe status of that ts, sorted by ts.
        var perCheck = new (long Ts, Condition Condition)[checks][];
        for (var c = 0; c < checks; c++)
        {
            var check = c;
            perCheck[c] = [.. results.Where(r => r.Check == check)
                .GroupBy(r => r.Ts)
                .Select(g => (g.Key, Status: g.MaxBy(r => Severity(r.Status)).Status))
                .OrderBy(x => x.Key)
                .Select(x => (x.Key, ConditionOf(x.Status)))];
        }

        var states = new State[to - from];
        var latest = new int[checks];
        Array.Fill(latest, -1);
        for (var t = from; t < to; t++)
        {
            var critical = false;
            var unknown = false;
            for (var c = 0; c < checks; c++)
            {
                var list = perCheck[c];
                while (latest[c] + 1 < list.Length && list[latest[c] + 1].Ts <= t) latest[c]++;
                var condition = latest[c] < 0 || t >= list[latest[c]].Ts + staleness ? Condition.Unknown : list[latest[c]].Condition;
                critical |= condition == Condition.Critical;
                unknown |= condition == Condition.Unknown;
            }

            states[t - from] = critical ? State.Down : unknown ? State.Unknown : State.Up;
        }

        foreach (var w in windows.Where(w => w.Covers))
        {
            var exclusionFrom = Math.Max(w.Start, w.AnnouncedAt);
            var exclusionTo = w.EndedEarlyAt is { } early && early < w.End ? Math.Max(early, w.Start) : w.End;
            for (var t = Math.Max(exclusionFrom, from); t < Math.Min(exclusionTo, to); t++) states[t - from] = State.Excluded;
        }

        return states;
    }

    /// <summary>Counts the seconds of [from, to) (inside the array, which starts at <paramref name="statesFrom"/>) and prices them.</summary>
    public static Figures Measure(State[] states, long statesFrom, long from, long to, bool unknownCountsAsDown, decimal objective,
        decimal trancheSize = 0.5m, decimal creditPerTranche = 5m, decimal cap = 20m)
    {
        long up = 0, down = 0, unknown = 0, excluded = 0;
        for (var t = from; t < to; t++)
        {
            switch (states[t - statesFrom])
            {
                case State.Up: up++; break;
                case State.Down: down++; break;
                case State.Unknown: unknown++; break;
                default: excluded++; break;
            }
        }

        var counted = up + down + (unknownCountsAsDown ? unknown : 0);
        decimal? exact = counted == 0 ? null : up * 100m / counted;
        var (tranches, credit) = Credit(objective, exact, trancheSize, creditPerTranche, cap);
        return new Figures(from, to, up, down, unknown, excluded, exact, tranches, credit);
    }

    /// <summary>"5 % per started tranche of 0.5 point below the objective, capped at 20 %": tranches = ceiling(shortfall / size).</summary>
    public static (int Tranches, decimal Percent) Credit(decimal objective, decimal? availability, decimal trancheSize = 0.5m, decimal creditPerTranche = 5m, decimal cap = 20m)
    {
        if (availability is not { } a || a >= objective) return (0, 0m);
        var tranches = 1;
        while (tranches * trancheSize < objective - a) tranches++;
        return (tranches, Math.Min(tranches * creditPerTranche, cap));
    }

    /// <summary>Incidents of the seconds of the array (which starts at <paramref name="from"/>), oldest first.</summary>
    public static List<Incident> DeriveIncidents(State[] states, long from, long debounce, long restoreDebounce)
    {
        var incidents = new List<Incident>();
        long? downRun = null, upRun = null, opened = null;
        for (var i = 0; i < states.Length; i++)
        {
            var t = from + i;
            var s = states[i];
            if (opened is null)
            {
                // Waiting for down long enough: any other second ends the pending down run.
                downRun = s == State.Down ? downRun ?? t : null;
                if (downRun is { } d && t + 1 - d >= debounce) opened = d;
                continue;
            }

            // Open: waiting for up long enough; down, unknown or excluded ends the pending up run.
            upRun = s == State.Up ? upRun ?? t : null;
            if (upRun is { } u && t + 1 - u >= restoreDebounce)
            {
                incidents.Add(new Incident(opened.Value, u));
                opened = downRun = upRun = null;
            }
        }

        if (opened is { } open) incidents.Add(new Incident(open, null));
        return incidents;
    }

    private static int Severity(HealthStatus s) => s switch
    {
        HealthStatus.Critical => 3,
        HealthStatus.Unknown => 2,
        HealthStatus.Warning => 1,
        _ => 0,
    };

    private static Condition ConditionOf(HealthStatus s) => s switch
    {
        HealthStatus.Ok or HealthStatus.Warning => Condition.Ok,
        HealthStatus.Critical => Condition.Critical,
        _ => Condition.Unknown,
    };
}
