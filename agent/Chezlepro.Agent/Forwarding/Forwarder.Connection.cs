using Chezlepro.Agent.Diagnostics;
using Chezlepro.Contracts.Messages;
using Chezlepro.Mqtt;

namespace Chezlepro.Agent.Forwarding;

public sealed partial class Forwarder
{
    private async Task StartClientAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _client.StartAsync(stoppingToken);
                return;
            }
            catch (MqttConnectException ex)
            {
                // Wrong credentials or an ACL problem will not heal by hammering the broker: say so loudly,
                // then retry slowly in case the operator fixes the broker side.
                AgentLog.ConnectRefused(_logger, ex.Message);
                await Task.Delay(delay, _time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(5).Ticks));
            }
        }
    }

    private async ValueTask<MqttApplicationMessage?> CreateWillAsync(CancellationToken cancellationToken)
    {
        // The session counter moves before every CONNECT and the will carries it, so the collector can
        // ignore a will that Mosquitto publishes late for an older connection (takeover, mqtt-sla.md §1.3).
        var session = await _outbox.NextSessionAsync(cancellationToken);
        _state.Session = session;
        var payload = _messages.Status(false, StatusMessage.ReasonLost, session, _time.GetUtcNow(), _state.StartedAt, _version);
        return new MqttApplicationMessage(_statusTopic, payload, MqttQualityOfService.AtLeastOnce, Retain: true);
    }

    private async Task OnConnectedAsync(MqttConnectedEventArgs args, CancellationToken cancellationToken)
    {
        _state.BrokerConnected = true;
        AgentLog.Connected(_logger, _state.Session, args.SessionPresent);
        // A clean session: whatever the broker held for the old connection may be gone with it (a restart, a
        // kill -9, an overflowing queue), so the drain starts again at the watermark.
        _window.Connected(_time.GetUtcNow());
        StartFreshHold();
        try
        {
            var birth = _messages.Status(true, null, _state.Session, _time.GetUtcNow(), _state.StartedAt, _version);
            await _client.PublishAsync(new MqttApplicationMessage(_statusTopic, birth, MqttQualityOfService.AtLeastOnce, Retain: true), cancellationToken);
        }
        catch (Exception ex) when (ex is MqttConnectionLostException or MqttNotConnectedException or OperationCanceledException)
        {
            AgentLog.BirthFailed(_logger, ex.Message);
        }
        _signal.Notify();
    }

    private Task OnDisconnectedAsync(MqttDisconnectedEventArgs args)
    {
        _state.BrokerConnected = false;
        if (!args.Clean) AgentLog.Disconnected(_logger, args.Reason);
        return Task.CompletedTask;
    }
}
