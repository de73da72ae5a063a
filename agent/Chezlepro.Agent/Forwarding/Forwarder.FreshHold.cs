using Chezlepro.Agent.Outbox;

namespace Chezlepro.Agent.Forwarding;

/// <summary>
/// A fresh outbox (a new install, or a node whose outbox file was lost) holds its first publish until it has heard its
/// node's retained watermark, or until <see cref="FreshHoldAfterSubAck"/> has passed since a SUBACK without one. What it
/// hears then is the node's old watermark, whatever its value, and the outbox renumbers every row above it: sending
/// first would have made seqs 1..through of the new file duplicates that the collector drops (Outbox/README.md).
/// </summary>
public sealed partial class Forwarder
{
    /// <summary>
    /// Mosquitto sends a subscription's retained message right after its SUBACK (MQTT-3.3.1-6, same write in practice),
    /// so it arrives within milliseconds; 2 s covers a loaded broker or a slow WAN link. Only a fresh outbox waits, once.
    /// </summary>
    internal static readonly TimeSpan FreshHoldAfterSubAck = TimeSpan.FromSeconds(2);

    private volatile bool _holdingFresh;
    private long _holdUntilTicks;

    /// <summary>True while a fresh outbox waits for its node's retained watermark (tests, status).</summary>
    internal bool HoldingFresh => _holdingFresh;

    /// <summary>After a SUBACK (the client re-subscribes before it reports the connection): the wait starts again.</summary>
    private void StartFreshHold()
    {
        if (_holdingFresh) Volatile.Write(ref _holdUntilTicks, (_time.GetUtcNow() + FreshHoldAfterSubAck).UtcTicks);
    }

    /// <summary>False while the hold lasts; at its end, no watermark came: the rows go out under their own seqs.</summary>
    private async Task<bool> FreshHoldOverAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = Volatile.Read(ref _holdUntilTicks);
        if (until == 0 || now.UtcTicks < until) return false;
        await _outbox.ReleaseFreshHoldAsync(cancellationToken);
        _holdingFresh = false;
        DeliveryLog.FreshHoldReleased(_logger, FreshHoldAfterSubAck.TotalSeconds);
        return true;
    }

    /// <summary>How long the hold still lasts, or null when not holding (or not connected yet).</summary>
    private TimeSpan? UntilFreshHoldEnds(DateTimeOffset now)
    {
        var until = Volatile.Read(ref _holdUntilTicks);
        return _holdingFresh && until != 0 ? new DateTimeOffset(until, TimeSpan.Zero) - now : null;
    }

    /// <summary>The first watermark heard ends the hold: adopted or accepted, or (through 0) released.</summary>
    private async Task EndFreshHoldAsync(WatermarkOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome is not (WatermarkOutcome.Adopted or WatermarkOutcome.Advanced)) await _outbox.ReleaseFreshHoldAsync(cancellationToken);
        _holdingFresh = false;
        _signal.Notify();
    }
}
