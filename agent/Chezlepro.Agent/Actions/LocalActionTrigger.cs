namespace Chezlepro.Agent.Actions;

/// <summary>
/// When one action fires: its condition (grid lost, runtime below the threshold, the broker unreachable if asked)
/// held without a break for the hold time; then not again until the grid has come back (once per outage).
/// Pure apart from the times it is given.
/// </summary>
internal sealed class LocalActionTrigger(LocalActionOptions options)
{
    private DateTimeOffset? _since;

    public LocalActionOptions Options => options;

    /// <summary>Fired during the current outage.</summary>
    public bool Fired { get; private set; }

    /// <summary>Feeds one power reading.</summary>
    /// <param name="gridAvailable">The grid as the device reports it; null when it does not say.</param>
    /// <param name="runtimeSeconds">Estimated runtime; null while charging or unknown (never "below" then).</param>
    /// <param name="brokerConnected">The agent's MQTT session is up.</param>
    /// <param name="now">Reading time.</param>
    public TriggerStep Observe(bool? gridAvailable, double? runtimeSeconds, bool brokerConnected, DateTimeOffset now)
    {
        if (gridAvailable == true)
        {
            var step = Fired ? TriggerStep.Rearmed : _since is null ? TriggerStep.None : TriggerStep.Cancelled;
            Fired = false;
            _since = null;
            return step;
        }
        if (Fired) return TriggerStep.None;
        var holds = gridAvailable == false
            && (options.RuntimeBelow is not { } below || runtimeSeconds is { } r && r < below.TotalSeconds)
            && (!options.OnlyWhenBrokerUnreachable || !brokerConnected);
        if (!holds)
        {
            var step = _since is null ? TriggerStep.None : TriggerStep.Cancelled;
            _since = null;
            return step;
        }
        _since ??= now;
        if (now - _since.Value < options.Hold) return now == _since.Value ? TriggerStep.HoldStarted : TriggerStep.None;
        Fired = true;
        _since = null;
        return TriggerStep.Fire;
    }
}
