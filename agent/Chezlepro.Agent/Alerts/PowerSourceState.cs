using Chezlepro.Agent.Actions;
using Chezlepro.Agent.Sources;
using Chezlepro.Contracts.Messages;
using Chezlepro.Devices.Power;
using Chezlepro.Health;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Alerts;

/// <summary>
/// What a power source keeps between polls and how it turns a poll into a <see cref="SourceReading"/>: derived metrics
/// (battery.power when the device lacks it, battery.runtime), the alert rules, and the failure count. A failed poll
/// returns a reading (health <c>unknown</c>, and <c>device-unreachable</c> once N polls in a row failed) instead of
/// throwing, so the alert reaches the outbox; the exception's type and message go in the health summary (Modbus and
/// MK2 errors carry no secrets).
/// </summary>
public sealed class PowerSourceState
{
    private readonly string _source;
    private readonly double? _configuredCapacityAh;
    private readonly BatteryRuntimeEstimator _runtime;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LocalActions? _actions;

    /// <summary>Creates the state of one source.</summary>
    /// <param name="source">Source name.</param>
    /// <param name="alerts">Alert thresholds.</param>
    /// <param name="capacityAh">Usable bank capacity from configuration, or null to use what the device reports.</param>
    /// <param name="reserveSoc">SoC counted as empty, %.</param>
    /// <param name="smoothing">Time constant of the runtime's current average.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="actions">The local actions fed by every successful reading, if any are configured.</param>
    public PowerSourceState(string source, PowerAlertOptions alerts, double? capacityAh, double reserveSoc, TimeSpan smoothing, TimeProvider time, ILogger logger,
        LocalActions? actions = null)
    {
        _actions = actions;
        _logger = logger;
        _source = source;
        _configuredCapacityAh = capacityAh;
        _runtime = new BatteryRuntimeEstimator(reserveSoc, smoothing);
        _time = time;
        Rules = new PowerAlertRules(alerts, source);
    }

    /// <summary>The alert rules (for inspection).</summary>
    public PowerAlertRules Rules { get; }

    /// <summary>Health check name of the device (<c>device.&lt;source&gt;</c>).</summary>
    public string Check => $"device.{_source}";

    /// <summary>Builds the reading of a successful poll.</summary>
    /// <param name="snapshot">Decoded device values.</param>
    public SourceReading Success(PowerSnapshot snapshot)
    {
        var now = _time.GetUtcNow();
        if (snapshot.BatteryPower is null && snapshot.BatteryVoltage is { } v && snapshot.BatteryCurrent is { } i)
        {
            snapshot = snapshot with { BatteryPower = Math.Round(v * i, 1) };
        }
        var runtime = _runtime.Update(now, _configuredCapacityAh ?? snapshot.BatteryCapacityAh, snapshot.BatterySoc, snapshot.BatteryCurrent);
        var reading = new SourceReading();
        reading.Samples.AddRange(snapshot.ToSamples());
        if (runtime is { } r)
        {
            reading.Samples.Add(new Sample(MetricNames.BatteryRuntime, r, "s"));
        }
        reading.Alerts.AddRange(Log(Rules.Evaluate(snapshot, runtime, now)));
        if (_actions is not null) reading.Alerts.AddRange(_actions.Observe(_source, snapshot.GridAvailable, runtime, now));
        // BMS fault names are the device's own words: the same in both languages.
        reading.Health.Add(snapshot.BmsFaults.Count > 0
            ? Health(Check, HealthStatus.Warning, HealthText.Same(string.Join(", ", snapshot.BmsFaults)))
            : Health(Check, HealthStatus.Ok, HealthText.Of($"lu", $"read")));
        return reading;
    }

    /// <summary>Builds the reading of a failed poll.</summary>
    /// <param name="error">What failed.</param>
    public SourceReading Failure(Exception error)
    {
        var reading = new SourceReading();
        reading.Alerts.AddRange(Log(Rules.RecordFailure(_time.GetUtcNow())));
        AlertsLog.PollFailed(_logger, _source, Rules.ConsecutiveFailures, error.Message);
        reading.Health.Add(Health(Check, HealthStatus.Unknown, Describe(error).Append(
            HealthText.Of($" ({Rules.ConsecutiveFailures} de suite)", $" ({Rules.ConsecutiveFailures} in a row)"))));
        return reading;
    }

    /// <summary>A health reading carrying both texts: French in <c>summary</c>, English in <c>summaryEn</c>.</summary>
    /// <param name="check">Check name.</param>
    /// <param name="status">Status.</param>
    /// <param name="text">Both texts.</param>
    public static HealthReading Health(string check, HealthStatus status, HealthText text) => new(check, status, text.Fr) { SummaryEn = text.En };

    /// <summary>A poll error as the runtime wrote it (type and message), inside the French sentence unchanged.</summary>
    /// <param name="error">What failed.</param>
    public static HealthText Describe(Exception error) => HealthText.Labelled(error.GetType().Name, HealthText.Same(error.Message));

    /// <summary>Options shared by every power source, as one object.</summary>
    /// <param name="source">Source name.</param>
    /// <param name="options">Options.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="actions">The local actions, if registered.</param>
    public static PowerSourceState Create(string source, PowerSourceOptions options, TimeProvider time, ILogger logger, LocalActions? actions = null) =>
        new(source, options.Alerts, options.BatteryCapacityAh, options.ReserveSoc, options.RuntimeSmoothing, time, logger, actions);

    private IReadOnlyList<Alert> Log(IReadOnlyList<Alert> alerts)
    {
        foreach (var a in alerts)
        {
            AlertsLog.AlertTransition(_logger, _source, a.Id, a.State == AlertState.Raised ? "raised" : "cleared");
        }
        return alerts;
    }
}
