using Chezlepro.Contracts.Messages;
using Chezlepro.Devices.Power;

namespace Chezlepro.Agent.Alerts;

/// <summary>
/// Local power alert rules (priorities per service-levels.md): grid lost P2, SoC low P2, runtime below the failover
/// lead time P1, BMS protection or fault P1, inverter overload P2, inverter high temperature P2, device unreachable
/// for N polls P2. Each alert is raised once and cleared with hysteresis; times come from the caller (TimeProvider).
/// </summary>
public sealed class PowerAlertRules
{
    /// <summary>Alert ids.</summary>
    public const string GridLost = "grid-lost", SocLow = "battery-soc-low", RuntimeLow = "battery-runtime-low",
        BmsFault = "bms-fault", Overload = "inverter-overload", HighTemperature = "inverter-high-temperature",
        Unreachable = "device-unreachable";

    private readonly PowerAlertOptions _options;
    private readonly string _source;
    private readonly AlertLatch _grid = new(GridLost, Priority.P2, "Panne du réseau électrique — sur batterie", "Grid lost, running on battery");
    private readonly AlertLatch _soc = new(SocLow, Priority.P2, "Charge des batteries basse", "Battery state of charge low");
    private readonly AlertLatch _runtime = new(RuntimeLow, Priority.P1, "Autonomie des batteries sous le délai de bascule", "Battery runtime below the failover lead time");
    private readonly AlertLatch _bms = new(BmsFault, Priority.P1, "Protection ou défaut du BMS des batteries", "Battery BMS protection or fault");
    private readonly AlertLatch _overload = new(Overload, Priority.P2, "Surcharge de l'onduleur", "Inverter overload");
    private readonly AlertLatch _temperature = new(HighTemperature, Priority.P2, "Température élevée de l'onduleur", "Inverter high temperature");
    private readonly AlertLatch _unreachable = new(Unreachable, Priority.P2, "Équipement électrique injoignable", "Power device unreachable");
    private int _failures;

    /// <summary>Creates the rules of one source.</summary>
    /// <param name="options">Thresholds.</param>
    /// <param name="source">Source name (the alert's <c>source</c>).</param>
    public PowerAlertRules(PowerAlertOptions options, string source)
    {
        _options = options;
        _source = source;
    }

    /// <summary>Consecutive failed polls so far.</summary>
    public int ConsecutiveFailures => _failures;

    /// <summary>Ids of the alerts currently raised.</summary>
    public IEnumerable<string> Active => Latches.Where(l => l.Active).Select(l => l.Id);

    private AlertLatch[] Latches => [_grid, _soc, _runtime, _bms, _overload, _temperature, _unreachable];

    /// <summary>Restores the alerts raised before a restart (unknown ids are ignored: a rule removed since).</summary>
    /// <param name="ids">Alert ids persisted as raised.</param>
    public void Restore(IEnumerable<string> ids)
    {
        var raised = ids.ToHashSet(StringComparer.Ordinal);
        foreach (var latch in Latches.Where(l => raised.Contains(l.Id))) latch.Restore();
    }

    /// <summary>Evaluates a successful poll.</summary>
    /// <param name="snapshot">What the device said.</param>
    /// <param name="runtimeSeconds">Estimated runtime, or null while charging or unknown.</param>
    /// <param name="now">Poll time.</param>
    /// <returns>Transitions of this poll.</returns>
    public IReadOnlyList<Alert> Evaluate(PowerSnapshot snapshot, double? runtimeSeconds, DateTimeOffset now)
    {
        _failures = 0;
        var hold = _options.ClearHold;
        var alerts = new List<Alert?>
        {
            // A successful poll clears "unreachable" at once: the proof of reachability is the poll itself.
            _unreachable.Update(false, true, now, TimeSpan.Zero, _source),
            _grid.Update(snapshot.GridAvailable == false, snapshot.GridAvailable == true, now, hold, _source),
            _soc.Update(snapshot.BatterySoc < _options.SocLow, snapshot.BatterySoc >= _options.SocClear, now, hold, _source,
                snapshot.BatterySoc is { } soc ? $"{soc:0.#} %" : null),
            _runtime.Update(
                runtimeSeconds is { } r && r < _options.RuntimeLeadTime.TotalSeconds,
                runtimeSeconds is null ? snapshot.BatteryCurrent >= 0 : runtimeSeconds >= (_options.RuntimeLeadTime + _options.RuntimeClearMargin).TotalSeconds,
                now, hold, _source, runtimeSeconds is { } rs ? $"{rs / 60:0} min" : null),
            _bms.Update(snapshot.BmsFaults.Count > 0, snapshot.BmsFaults.Count == 0, now, hold, _source,
                snapshot.BmsFaults.Count > 0 ? string.Join(", ", snapshot.BmsFaults) : null),
            _overload.Update(snapshot.Overload == AlarmLevel.Alarm, snapshot.Overload == AlarmLevel.Ok, now, hold, _source),
            _temperature.Update(snapshot.HighTemperature == AlarmLevel.Alarm, snapshot.HighTemperature == AlarmLevel.Ok, now, hold, _source),
        };
        return alerts.OfType<Alert>().ToList();
    }

    /// <summary>Records a failed poll; raises <c>device-unreachable</c> once the count reaches the option. Other alerts keep their state.</summary>
    /// <param name="now">Poll time.</param>
    public IReadOnlyList<Alert> RecordFailure(DateTimeOffset now)
    {
        _failures++;
        return _unreachable.Update(_failures >= _options.UnreachablePolls, false, now, TimeSpan.Zero, _source, $"{_failures}") is { } a ? [a] : [];
    }
}
