using Chezlepro.Agent.Alerts;
using Chezlepro.Contracts.Messages;
using Chezlepro.Devices.Power;
using Chezlepro.Testing;
using Xunit;

namespace Chezlepro.Agent.Tests.Alerts;

public class PowerAlertRulesTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly PowerAlertRules _rules = new(new PowerAlertOptions(), "victron");

    private static readonly PowerSnapshot Normal = new() { GridAvailable = true, BatterySoc = 90, BatteryCurrent = 5 };

    private IReadOnlyList<Alert> Poll(PowerSnapshot s, double? runtime = null, int seconds = 5)
    {
        _time.Advance(TimeSpan.FromSeconds(seconds));
        return _rules.Evaluate(s, runtime, _time.GetUtcNow());
    }

    [Fact]
    public void Evaluate_GridLostOverManyPolls_RaisedOnceWithFrenchAndEnglish()
    {
        Assert.Empty(Poll(Normal));
        var raised = Poll(Normal with { GridAvailable = false, BatteryCurrent = -30 });
        var alert = Assert.Single(raised);
        Assert.Equal(("grid-lost", AlertState.Raised, Priority.P2, "victron"), (alert.Id, alert.State, alert.Priority, alert.Source));
        Assert.Equal("Panne du réseau électrique — sur batterie", alert.Summary);
        Assert.Equal("Grid lost, running on battery", alert.SummaryEn);
        for (var i = 0; i < 10; i++)
        {
            Assert.Empty(Poll(Normal with { GridAvailable = false, BatteryCurrent = -30 }));
        }
    }

    [Fact]
    public void Evaluate_GridBackBriefly_ClearsOnlyAfterHold()
    {
        Poll(Normal with { GridAvailable = false });
        Assert.Empty(Poll(Normal, seconds: 30));                         // back, hold starts
        Assert.Empty(Poll(Normal with { GridAvailable = false }, seconds: 20)); // flapped: hold resets, no second raise
        Assert.Empty(Poll(Normal, seconds: 30));
        Assert.Empty(Poll(Normal, seconds: 59));
        var cleared = Assert.Single(Poll(Normal, seconds: 1));
        Assert.Equal(AlertState.Cleared, cleared.State);
        Assert.StartsWith("Rétabli", cleared.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SocBetweenThresholds_NoFlapping()
    {
        var raised = Assert.Single(Poll(Normal with { BatterySoc = 29 }));
        Assert.Equal(("battery-soc-low", Priority.P2), (raised.Id, raised.Priority));
        Assert.Contains("29 %", raised.Summary, StringComparison.Ordinal);
        Assert.Empty(Poll(Normal with { BatterySoc = 33 }, seconds: 120));  // above low, below clear: stays raised
        Assert.Empty(Poll(Normal with { BatterySoc = 36 }, seconds: 5));
        Assert.Equal(AlertState.Cleared, Assert.Single(Poll(Normal with { BatterySoc = 36 }, seconds: 60)).State);
    }

    [Fact]
    public void Evaluate_RuntimeBelowLeadTime_P1RaisedAndClearedWhenChargingAfterHold()
    {
        var discharging = Normal with { GridAvailable = false, BatteryCurrent = -30 };
        Assert.Single(Poll(discharging, runtime: 3600)); // grid-lost only
        var alerts = Poll(discharging, runtime: 1700);
        var runtime = Assert.Single(alerts);
        Assert.Equal(("battery-runtime-low", Priority.P1), (runtime.Id, runtime.Priority));
        Assert.Empty(Poll(discharging, runtime: 2000, seconds: 120)); // above lead time but inside the margin
        Poll(Normal, runtime: null);                                    // grid back, charging: hold starts
        var cleared = Poll(Normal, runtime: null, seconds: 60);
        Assert.Equal(["grid-lost", "battery-runtime-low"], cleared.Select(a => a.Id).Order().Reverse());
        Assert.All(cleared, a => Assert.Equal(AlertState.Cleared, a.State));
    }

    [Fact]
    public void Evaluate_BmsFaultAndInverterAlarms_Priorities()
    {
        var alerts = Poll(Normal with { BmsFaults = ["pack 3: temperature error"], Overload = AlarmLevel.Alarm, HighTemperature = AlarmLevel.Warning });
        Assert.Equal([("bms-fault", Priority.P1), ("inverter-overload", Priority.P2)], alerts.Select(a => (a.Id, a.Priority)));
        Assert.Contains("pack 3: temperature error", alerts[0].SummaryEn, StringComparison.Ordinal);
        Assert.Equal(("inverter-high-temperature", Priority.P2), Assert.Single(Poll(Normal with { BmsFaults = ["x"], Overload = AlarmLevel.Alarm, HighTemperature = AlarmLevel.Alarm }).Select(a => (a.Id, a.Priority))));
    }

    [Fact]
    public void RecordFailure_NConsecutive_RaisesUnreachableOnceAndSuccessClears()
    {
        Assert.Empty(_rules.RecordFailure(_time.GetUtcNow()));
        Assert.Empty(_rules.RecordFailure(_time.GetUtcNow()));
        var raised = Assert.Single(_rules.RecordFailure(_time.GetUtcNow()));
        Assert.Equal(("device-unreachable", Priority.P2, AlertState.Raised), (raised.Id, raised.Priority, raised.State));
        Assert.Empty(_rules.RecordFailure(_time.GetUtcNow()));
        Assert.Equal(("device-unreachable", AlertState.Cleared), Assert.Single(Poll(Normal)).Let(a => (a.Id, a.State)));
        Assert.Equal(0, _rules.ConsecutiveFailures);
    }

    [Fact]
    public void Validate_BadThresholds_NameKeyAndValue()
    {
        var problems = new PowerAlertOptions { SocLow = 40, SocClear = 35, UnreachablePolls = 0 }.Validate("Sources:1:Alerts:").ToList();
        Assert.Contains(problems, p => p.StartsWith("Sources:1:Alerts:SocClear: '35'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:1:Alerts:UnreachablePolls: '0'", StringComparison.Ordinal));
    }
}

internal static class LetExtension
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}
