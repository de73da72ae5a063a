using Chezlepro.Contracts.Messages;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.ReferenceModel;

namespace Chezlepro.Collector.Tests.Availability;

/// <summary>
/// The oracle checked against figures worked out by hand, so that a failing differential test points at the
/// product, not at the model.
/// </summary>
public sealed class ReferenceModelTests
{
    private const long T0 = 1_800_000_000; // 2027-01-15T08:00:00Z; any instant does for these cases

    private static Result R(int check, long at, HealthStatus status) => new(check, T0 + at, status);

    private static string Text(State[] states) => string.Concat(states.Select(s => "UD?X"[(int)s]));

    [Fact]
    public void States_ResultHoldsForTheStalenessLimitThenUnknown()
    {
        // ok at 0 holds over [0, 90); stale over [90, 100); ok again at 100.
        var states = States(1, [R(0, 0, HealthStatus.Ok), R(0, 100, HealthStatus.Ok)], 90, [], T0, T0 + 110);
        Assert.Equal(new string('U', 90) + new string('?', 10) + new string('U', 10), Text(states));
    }

    [Fact]
    public void States_BeforeTheFirstResult_Unknown_ResultInForceBeforeThePeriodCarriesIn()
    {
        Assert.Equal("???UU", Text(States(1, [R(0, 3, HealthStatus.Ok)], 90, [], T0, T0 + 5)));
        Assert.Equal("DDDDD", Text(States(1, [R(0, -60, HealthStatus.Critical)], 90, [], T0, T0 + 5)));
        // Carried in but already stale at the period start: 90 s limit, result 88 s before.
        Assert.Equal("DD???", Text(States(1, [R(0, -88, HealthStatus.Critical)], 90, [], T0, T0 + 5)));
    }

    [Fact]
    public void States_SameTimestamp_MostSevereWins_WarningIsUp()
    {
        Assert.Equal("DD", Text(States(1, [R(0, 0, HealthStatus.Ok), R(0, 0, HealthStatus.Critical)], 90, [], T0, T0 + 2)));
        Assert.Equal("??", Text(States(1, [R(0, 0, HealthStatus.Warning), R(0, 0, HealthStatus.Unknown)], 90, [], T0, T0 + 2)));
        Assert.Equal("UU", Text(States(1, [R(0, 0, HealthStatus.Warning), R(0, 0, HealthStatus.Ok)], 90, [], T0, T0 + 2)));
        // Order of the input never matters: the latest by ts wins, not the last one given.
        Assert.Equal("DU", Text(States(1, [R(0, 1, HealthStatus.Ok), R(0, 0, HealthStatus.Critical)], 90, [], T0, T0 + 2)));
    }

    [Fact]
    public void States_TwoChecks_CriticalBeatsUnknown_UnknownBeatsUp()
    {
        // Limit 2 s. Check 0: critical at 0, ok at 2 (stale from 4). Check 1: ok at 0 (stale from 2), ok at 4, unknown at 5.
        Result[] results =
        [
            R(0, 0, HealthStatus.Critical), R(0, 2, HealthStatus.Ok),
            R(1, 0, HealthStatus.Ok), R(1, 4, HealthStatus.Ok), R(1, 5, HealthStatus.Unknown),
        ];
        // t=0,1: critical + ok → D; t=2,3: ok + stale → ?; t=4: stale + ok → ?; t=5: stale + unknown → ?.
        Assert.Equal("DD????", Text(States(2, results, 2, [], T0, T0 + 6)));
        Assert.Equal("DDUU", Text(States(2, [R(0, 0, HealthStatus.Critical), R(0, 2, HealthStatus.Warning), R(1, 0, HealthStatus.Ok)], 90, [], T0, T0 + 4)));
    }

    [Fact]
    public void States_Window_ExcludesOnlyItsAnnouncedPart()
    {
        Result[] ok = [R(0, 0, HealthStatus.Critical)];
        // Announced a day before: [2, 5) excluded.
        Assert.Equal("DDXXXD", Text(States(1, ok, 90, [new Window(T0 + 2, T0 + 5, T0 - 86_400, null, true)], T0, T0 + 6)));
        // Announced at 3 (after its start): excluded from 3 only; ended early at 4.
        Assert.Equal("DDDXDD", Text(States(1, ok, 90, [new Window(T0 + 2, T0 + 5, T0 + 3, T0 + 4, true)], T0, T0 + 6)));
        // A window for another service changes nothing.
        Assert.Equal("DDDDDD", Text(States(1, ok, 90, [new Window(T0 + 2, T0 + 5, T0 - 86_400, null, false)], T0, T0 + 6)));
    }

    [Fact]
    public void Months_InToronto_HaveTheirRealLength_ContractDaysAreInclusive()
    {
        Assert.Equal(31 * 86_400 - 3600, Length(Month(2026, 3)));   // spring forward on 8 March: 2,674,800 s
        Assert.Equal(30 * 86_400 + 3600, Length(Month(2026, 11)));  // fall back on 1 November: 2,595,600 s
        Assert.Equal(31 * 86_400, Length(Month(2026, 10)));         // 2,678,400 s
        Assert.Equal(DateTimeOffset.Parse("2026-10-01T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), Month(2026, 10).From);
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), Month(2026, 11).From);
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), Month(2026, 11).To);
        // A contract running 2026-11-01 .. 2026-11-01 covers that day only: 25 hours (fall back).
        var day = ContractPeriod(Month(2026, 11), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1))!.Value;
        Assert.Equal(25 * 3600, day.To - day.From);
        // Starting on 15 March: 17 days of 24 h.
        var late = ContractPeriod(Month(2026, 3), new DateOnly(2026, 3, 15), null)!.Value;
        Assert.Equal(17 * 86_400, late.To - late.From);
        Assert.Null(ContractPeriod(Month(2026, 3), new DateOnly(2026, 4, 1), null));
        Assert.Null(ContractPeriod(Month(2026, 3), new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28)));

        static long Length((long From, long To) m) => m.To - m.From;
    }

    [Theory]
    // The table of service-levels.md.
    [InlineData("99.5", "99.5", 0, "0")]
    [InlineData("99.5", "99.49", 1, "5")]
    [InlineData("99.5", "99.0", 1, "5")]
    [InlineData("99.5", "98.99", 2, "10")]
    [InlineData("99.5", "97.0", 5, "20")]
    [InlineData("99.9", "99.5", 1, "5")]
    public void Credit_TableOfServiceLevels(string objective, string availability, int tranches, string credit)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal((tranches, decimal.Parse(credit, c)), Credit(decimal.Parse(objective, c), decimal.Parse(availability, c)));
    }

    [Fact]
    public void Measure_CountsTheSeconds_UnknownPolicy()
    {
        // 6 up, 2 down, 1 unknown, 1 excluded.
        State[] states = [State.Up, State.Up, State.Up, State.Down, State.Down, State.Unknown, State.Excluded, State.Up, State.Up, State.Up];
        var asDown = Measure(states, T0, T0, T0 + 10, unknownCountsAsDown: true, 99.5m);
        Assert.Equal((6L, 2L, 1L, 1L), (asDown.Up, asDown.Down, asDown.Unknown, asDown.Excluded));
        Assert.Equal(6m * 100m / 9m, asDown.Exact);   // 66.666…: shortfall 32.83 → 66 tranches, capped at 20 %
        Assert.Equal((66, 20m), (asDown.Tranches, asDown.CreditPercent));
        var ignored = Measure(states, T0, T0, T0 + 10, unknownCountsAsDown: false, 99.5m);
        Assert.Equal(75m, ignored.Exact);             // 6 / 8
        Assert.Equal(66.666m, asDown.Shown);          // truncated, never rounded up
        // A sub-period: seconds 3..5 only.
        var part = Measure(states, T0, T0 + 3, T0 + 6, true, 99.5m);
        Assert.Equal((0L, 2L, 1L), (part.Up, part.Down, part.Unknown));
    }

    [Fact]
    public void Incidents_DebounceRestoreDebounceAndWhatBreaksARun()
    {
        static State[] Run(params (State S, int N)[] runs) => [.. runs.SelectMany(r => Enumerable.Repeat(r.S, r.N))];

        // 59 s down: nothing. 60 s down: opens at its first second; 60 s up restores at the first up second.
        Assert.Empty(DeriveIncidents(Run((State.Up, 10), (State.Down, 59), (State.Up, 100)), T0, 60, 60));
        Assert.Equal([new Incident(T0 + 10, T0 + 70)], DeriveIncidents(Run((State.Up, 10), (State.Down, 60), (State.Up, 60)), T0, 60, 60));
        // Not yet restored: 59 s up at the end.
        Assert.Equal([new Incident(T0 + 10, null)], DeriveIncidents(Run((State.Up, 10), (State.Down, 60), (State.Up, 59)), T0, 60, 60));
        // A 30-s return to up inside an incident is a flap: one incident, restored by the later run.
        Assert.Equal([new Incident(T0, T0 + 150)],
            DeriveIncidents(Run((State.Down, 60), (State.Up, 30), (State.Down, 60), (State.Up, 60)), T0, 60, 60));
        // Unknown breaks a pending down run: 40 + 40 down around 1 s unknown opens nothing.
        Assert.Empty(DeriveIncidents(Run((State.Down, 40), (State.Unknown, 1), (State.Down, 40), (State.Up, 60)), T0, 60, 60));
        // Maintenance breaks a pending up run: 40 up, excluded, 40 up does not restore; 60 up after it does.
        Assert.Equal([new Incident(T0, T0 + 142)],
            DeriveIncidents(Run((State.Down, 60), (State.Up, 40), (State.Excluded, 1), (State.Up, 40), (State.Unknown, 1), (State.Up, 60)), T0, 60, 60));
        // Down that started before the period is counted from the period start.
        Assert.Equal([new Incident(T0, T0 + 90)], DeriveIncidents(Run((State.Down, 90), (State.Up, 300)), T0, 60, 60));
        // A second incident after a restore.
        Assert.Equal([new Incident(T0, T0 + 60), new Incident(T0 + 120, null)],
            DeriveIncidents(Run((State.Down, 60), (State.Up, 60), (State.Down, 60)), T0, 60, 60));
    }
}
