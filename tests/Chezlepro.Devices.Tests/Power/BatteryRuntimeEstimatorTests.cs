using Chezlepro.Devices.Power;

namespace Chezlepro.Devices.Tests.Power;

public class BatteryRuntimeEstimatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_SteadyDischarge_RemainingChargeOverCurrent()
    {
        var e = new BatteryRuntimeEstimator(reserveSoc: 10, smoothing: TimeSpan.FromMinutes(1));
        // 200 Ah × (60 − 10) % = 100 Ah at 50 A → 2 h.
        Assert.Equal(7200, e.Update(T0, 200, 60, -50));
    }

    [Fact]
    public void Update_Charging_NoEstimateAndAverageRestarts()
    {
        var e = new BatteryRuntimeEstimator(0, TimeSpan.FromMinutes(1));
        _ = e.Update(T0, 100, 50, -10);
        Assert.Null(e.Update(T0.AddSeconds(5), 100, 50, 3));
        Assert.Null(e.AverageDischargeCurrent);
        Assert.Equal(18000, e.Update(T0.AddSeconds(10), 100, 50, -10)); // 50 Ah / 10 A
    }

    [Fact]
    public void Update_ShortSpike_SmoothedByElapsedTime()
    {
        var e = new BatteryRuntimeEstimator(0, TimeSpan.FromMinutes(5));
        _ = e.Update(T0, 100, 50, -10);
        var spiked = e.Update(T0.AddSeconds(5), 100, 50, -100)!.Value;
        Assert.InRange(e.AverageDischargeCurrent!.Value, 10, 12);   // 5 s of a 5 min constant barely moves it
        Assert.InRange(spiked, 15000, 18000);
    }

    [Fact]
    public void Update_MissingCapacityOrSoc_NoEstimate()
    {
        var e = new BatteryRuntimeEstimator(0, TimeSpan.FromMinutes(1));
        Assert.Null(e.Update(T0, null, 50, -10));
        Assert.Null(e.Update(T0, 100, null, -10));
    }
}
