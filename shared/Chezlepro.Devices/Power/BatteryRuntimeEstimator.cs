namespace Chezlepro.Devices.Power;

/// <summary>
/// Time to empty at the present discharge: remaining charge (capacity × (SoC − reserve) / 100, Ah) divided by the
/// discharge current smoothed with an exponential moving average (time constant <c>smoothing</c>, weight
/// 1 − e^(−Δt/τ) per poll, so irregular polls weigh by elapsed time). No estimate while charging or idle (the
/// average restarts), so a short load spike does not move it much but a real outage shows within a few τ.
/// </summary>
public sealed class BatteryRuntimeEstimator
{
    private readonly double _reserveSoc;
    private readonly TimeSpan _smoothing;
    private readonly double _idleCurrent;
    private double? _averageCurrent;
    private DateTimeOffset _last;

    /// <summary>Creates an estimator.</summary>
    /// <param name="reserveSoc">SoC (%) counted as empty (the inverter's low-battery cut-off).</param>
    /// <param name="smoothing">Time constant of the moving average.</param>
    /// <param name="idleCurrent">Discharge current (A) below which the battery counts as idle.</param>
    public BatteryRuntimeEstimator(double reserveSoc, TimeSpan smoothing, double idleCurrent = 0.5)
    {
        _reserveSoc = reserveSoc;
        _smoothing = smoothing;
        _idleCurrent = idleCurrent;
    }

    /// <summary>Smoothed discharge current (A, positive), or null while not discharging.</summary>
    public double? AverageDischargeCurrent => _averageCurrent;

    /// <summary>Feeds one poll and returns the runtime in seconds, or null (charging, idle, or data missing).</summary>
    /// <param name="now">Poll time.</param>
    /// <param name="capacityAh">Usable capacity of the bank, Ah.</param>
    /// <param name="soc">State of charge, %.</param>
    /// <param name="current">Battery current, A, positive when charging.</param>
    public double? Update(DateTimeOffset now, double? capacityAh, double? soc, double? current)
    {
        if (current is not { } i || -i < _idleCurrent || capacityAh is not { } capacity || capacity <= 0 || soc is not { } s)
        {
            _averageCurrent = null;
            return null;
        }
        var discharge = -i;
        if (_averageCurrent is { } average && now > _last)
        {
            var weight = _smoothing <= TimeSpan.Zero ? 1 : 1 - Math.Exp(-(now - _last).TotalSeconds / _smoothing.TotalSeconds);
            _averageCurrent = average + (weight * (discharge - average));
        }
        else
        {
            _averageCurrent ??= discharge;
        }
        _last = now;
        var remainingAh = capacity * Math.Max(0, s - _reserveSoc) / 100;
        return Math.Round(remainingAh / _averageCurrent!.Value * 3600);
    }
}
