using Chezlepro.Agent.Alerts;
using Chezlepro.Contracts.Messages;
using Chezlepro.Devices.Power;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Alerts;

public class PowerSourceStateTests
{
    private readonly FakeTimeProvider _time = new();

    private PowerSourceState State(double? capacity = 100) =>
        new("victron", new PowerAlertOptions { UnreachablePolls = 2 }, capacity, 0, TimeSpan.FromMinutes(1), _time, NullLogger.Instance);

    [Fact]
    public void Success_Discharging_DerivesPowerAndRuntime()
    {
        var reading = State().Success(new PowerSnapshot { BatteryVoltage = 50, BatteryCurrent = -10, BatterySoc = 50, GridAvailable = false });
        var samples = reading.Samples.ToDictionary(s => s.Metric, s => s.Value);
        Assert.Equal(-500, samples["battery.power"]);
        Assert.Equal(18000, samples["battery.runtime"]);   // 50 Ah / 10 A
        Assert.Equal(0, samples["grid.available"]);
        Assert.Equal(HealthStatus.Ok, Assert.Single(reading.Health).Status);
    }

    [Fact]
    public void Success_Charging_NoRuntimeSample()
    {
        var reading = State().Success(new PowerSnapshot { BatteryVoltage = 50, BatteryCurrent = 10, BatterySoc = 50 });
        Assert.DoesNotContain(reading.Samples, s => s.Metric == "battery.runtime");
    }

    [Fact]
    public void Success_NoConfiguredCapacity_UsesDeviceCapacity()
    {
        var reading = State(capacity: null).Success(new PowerSnapshot { BatteryCurrent = -20, BatterySoc = 100, BatteryCapacityAh = 200 });
        Assert.Equal(36000, reading.Samples.Single(s => s.Metric == "battery.runtime").Value);
        Assert.Equal(("lu", "read"), Assert.Single(reading.Health).Let(h => (h.Summary, h.SummaryEn)));
    }

    [Fact]
    public void Failure_Repeated_UnknownHealthThenUnreachableAlert()
    {
        var state = State();
        var first = state.Failure(new TimeoutException("no reply"));
        Assert.Equal(("device.victron", HealthStatus.Unknown), Assert.Single(first.Health).Let(h => (h.Check, h.Status)));
        Assert.Equal("TimeoutException\u00a0: no reply (1 de suite)", first.Health[0].Summary);
        Assert.Equal("TimeoutException: no reply (1 in a row)", first.Health[0].SummaryEn);
        Assert.Empty(first.Alerts);
        Assert.Equal("device-unreachable", Assert.Single(state.Failure(new TimeoutException("no reply")).Alerts).Id);
    }
}
