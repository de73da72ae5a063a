using System.Text.Json;
using Chezlepro.Agent.Diagnostics;
using Chezlepro.Agent.Outbox;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Mqtt;

namespace Chezlepro.Agent.Forwarding;

public sealed partial class Forwarder
{
    /// <summary>The watermark applied so far (status, tests).</summary>
    internal long Watermark => _window.Watermark;

    /// <summary>Loads the persisted watermark and subscribes to this node's ack topic (re-subscribed on every reconnect by the client).</summary>
    internal async Task StartDeliveryAsync(CancellationToken cancellationToken)
    {
        var stats = await _outbox.GetStatsAsync(cancellationToken);
        _window.Start(stats.Watermark, _time.GetUtcNow());
        _holdingFresh = stats.HoldsFirstPublish;
        _nextPrune = _time.GetUtcNow();
        await _client.SubscribeAsync([new MqttTopicFilter(_ackTopic, MqttQualityOfService.AtLeastOnce)], cancellationToken);
    }

    /// <summary>One turn of the loop: prune when due, start a timeout re-send when due, publish one batch; false when idle.</summary>
    internal async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now >= _nextPrune)
        {
            await _outbox.PruneAsync(now, evicted => _messages.GapsNotice(evicted, now), cancellationToken);
            _nextPrune = now + PruneEvery;
        }
        if (!_client.IsConnected)
        {
            AbandonInFlight();
            return false;
        }
        if (_holdingFresh && !await FreshHoldOverAsync(now, cancellationToken)) return false;
        // A re-send pass restarts the cursor: what is in flight completes first, so its PUBACKs count in the old pass.
        if (_inFlight.Count > 0 && _window.UntilResend(now) == TimeSpan.Zero) await CompleteInFlightAsync(cancellationToken);
        if (_window.TryStartResend(now)) DeliveryLog.AckTimedOut(_logger, _window.Watermark);
        return await DrainBatchAsync(cancellationToken);
    }

    private TimeSpan IdleWait()
    {
        var now = _time.GetUtcNow();
        var wait = _nextPrune - now;
        if (_client.IsConnected && _window.UntilResend(now) is { } resend) wait = Min(wait, resend);
        if (_client.IsConnected && UntilFreshHoldEnds(now) is { } hold) wait = Min(wait, hold);
        return Max(wait, TimeSpan.FromSeconds(1));
    }

    /// <summary>A watermark arrived: applies the highest one seen, ignores what is not this node's or cannot be.</summary>
    internal async Task OnAckAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic != _ackTopic) return;
        DeliveryAck? ack;
        try
        {
            ack = JsonSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.DeliveryAck);
        }
        catch (JsonException ex)
        {
            // Not thrown back: the client would drop the connection and the broker would hand the same retained
            // payload over again on every reconnect.
            DeliveryLog.AckUnreadable(_logger, ex.Message);
            return;
        }
        if (ack is null) return;
        if (ack.Site != _messages.Site || ack.Node != _messages.Node)
        {
            LogForeignOnce(ack, "site/node differ");
            return;
        }
        var holding = _holdingFresh;
        var outcome = holding
            ? await _outbox.AdoptAsync(ack.Through, cancellationToken)
            : await _outbox.AcknowledgeAsync(ack.Through, cancellationToken);
        if (holding) await EndFreshHoldAsync(outcome, cancellationToken);
        if (outcome == WatermarkOutcome.BeyondAssigned)
        {
            LogForeignOnce(ack, "beyond the highest seq this agent assigned");
            return;
        }
        if (outcome == WatermarkOutcome.Adopted)
        {
            // The renumbered rows are all waiting again: a new pass sends them from through + 1, and the PUBACKs of
            // what was queued under the old seqs no longer move the cursor.
            _window.Adopt(ack.Through, _time.GetUtcNow());
            DeliveryLog.WatermarkAdopted(_logger, ack.Collector, ack.Through);
            _signal.Notify();
            return;
        }
        if (outcome == WatermarkOutcome.Advanced && _window.Advance(ack.Through, _time.GetUtcNow()))
            DeliveryLog.WatermarkAdvanced(_logger, ack.Collector, ack.Through);
    }

    private void LogForeignOnce(DeliveryAck ack, string why)
    {
        if (_foreignAckLogged) return;
        _foreignAckLogged = true;
        DeliveryLog.AckIgnored(_logger, ack.Collector, ack.Site, ack.Node, ack.Through, why);
    }
}
