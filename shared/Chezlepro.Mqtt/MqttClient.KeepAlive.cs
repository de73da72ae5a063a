using Chezlepro.Mqtt.Internal;
using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// [MQTT-3.1.2-23]: the gap between two packets we send must not exceed Keep Alive, so the timer follows
    /// sent traffic only; received packets do not count. A PINGREQ unanswered within
    /// <see cref="MqttClientOptions.PingResponseTimeout"/> ends the connection (§3.1.2.10).
    /// </summary>
    private async Task KeepAliveLoopAsync(MqttConnection connection)
    {
        var keepAlive = connection.KeepAlive;
        if (keepAlive <= TimeSpan.Zero) return;
        // Ping a little early so timer lateness never stretches the gap past Keep Alive.
        var threshold = keepAlive * 0.9;
        try
        {
            while (!connection.IsClosed)
            {
                var now = _time.GetTimestamp();
                var deadline = connection.PingDeadline;
                if (deadline != 0 && now >= deadline)
                {
                    connection.Close(new MqttConnectionLostException($"no PINGRESP within {_options.PingResponseTimeout}"), clean: false,
                        "no PINGRESP from the broker");
                    return;
                }
                var idle = _time.GetElapsedTime(connection.LastSentTimestamp, now);
                var wait = threshold - idle;
                if (deadline == 0 && wait <= TimeSpan.Zero)
                {
                    MqttLog.PingSent(_logger, idle.TotalMilliseconds);
                    connection.PingDeadline = now + (long)(_options.PingResponseTimeout.TotalSeconds * _time.TimestampFrequency);
                    connection.TrySend(PingReqPacket.Encode());
                    wait = threshold;
                }
                if (connection.PingDeadline is var d && d != 0)
                {
                    var untilDeadline = _time.GetElapsedTime(now, d);
                    if (untilDeadline < wait) wait = untilDeadline;
                }
                if (wait < TimeSpan.FromMilliseconds(10)) wait = TimeSpan.FromMilliseconds(10);
                await Task.Delay(wait, _time, connection.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
