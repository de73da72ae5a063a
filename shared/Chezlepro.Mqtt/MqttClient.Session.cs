using Chezlepro.Mqtt.Internal;

namespace Chezlepro.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// With Clean Session 0 the client's half of the session — QoS 1 publishes sent and not acknowledged —
    /// outlives the connection (§3.1.2.4, §4.1), until the client is stopped. Under <see cref="_gate"/>.
    /// </summary>
    private bool KeepsSessionLocked() => !_options.CleanSession && Volatile.Read(ref _state) == 1;

    /// <summary>
    /// Re-sends the kept QoS 1 publishes on a newly accepted connection, in their original order and with their
    /// original ids, before the connection is made current (so before any new publish). Under <see cref="_gate"/>.
    /// </summary>
    private void ResumeSessionLocked(MqttConnection connection, bool sessionPresent)
    {
        if (_options.CleanSession) return;
        var kept = _pending.Values.Where(p => p.Sent is not null && p.Connection != connection).OrderBy(p => p.Order).ToList();
        foreach (var pending in kept)
        {
            var packet = (byte[])pending.Sent!.Clone();
            // [MQTT-4.4.0-1] same packet id, [MQTT-4.6.0-1] original order. Session Present 1: a re-delivery attempt,
            // so DUP=1 [MQTT-3.3.1-1]. Session Present 0: the broker lost the session (mqtt-sla.md §1.8), its ids
            // are all free and this is a first delivery to it, so DUP=0 and the same id; never dropped.
            if (sessionPresent) packet[0] |= 0x08;
            else packet[0] &= 0xF7;
            pending.Sent = packet;
            pending.Connection = connection;
            connection.TrySend(packet);
        }
        // Publishes still waiting for a window slot keep their place in the queue, after the re-sent ones.
        foreach (var waiting in _waiting) waiting.Connection = connection;
        if (kept.Count > 0) MqttLog.SessionResent(_logger, kept.Count, sessionPresent);
    }

    /// <summary>Ends every remaining wait, whatever its connection: the client stopped and will not reconnect.</summary>
    private void FailAllPending(string reason)
    {
        List<PendingAck> failed;
        lock (_gate)
        {
            failed = [.. _pending.Values, .. _waiting];
            _pending.Clear();
            _waiting.Clear();
            _inflightCount = 0;
        }
        foreach (var pending in failed)
        {
            pending.Fail(new MqttConnectionLostException(
                $"MQTT connection to {_options.Host}:{_options.Port} ended before the acknowledgement ({reason})"));
        }
    }
}
