using Microsoft.Extensions.Logging;

namespace Chezlepro.Mqtt;

/// <summary>Every log message of the MQTT client (event ids 5xxx). Never a password.</summary>
internal static partial class MqttLog
{
    [LoggerMessage(5001, LogLevel.Information, "MQTT connected to {Host}:{Port} as {ClientId} (session present {SessionPresent}, connection {ConnectionNumber})")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId, bool sessionPresent, long connectionNumber);

    [LoggerMessage(5002, LogLevel.Warning, "MQTT connection to {Host}:{Port} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string host, int port, string reason, Exception? exception);

    [LoggerMessage(5003, LogLevel.Information, "MQTT disconnected from {Host}:{Port} cleanly")]
    public static partial void DisconnectedCleanly(ILogger logger, string host, int port);

    [LoggerMessage(5004, LogLevel.Warning, "MQTT connect attempt {Attempt} to {Host}:{Port} failed ({Reason}); next attempt in {DelayMs} ms")]
    public static partial void ReconnectScheduled(ILogger logger, int attempt, string host, int port, string reason, double delayMs);

    [LoggerMessage(5005, LogLevel.Error, "MQTT broker {Host}:{Port} refused the connection: {Reason}")]
    public static partial void ConnectRefused(ILogger logger, string host, int port, string reason);

    [LoggerMessage(5006, LogLevel.Warning, "MQTT first connect to {Host}:{Port} failed ({Reason}); retrying in the background")]
    public static partial void FirstConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(5007, LogLevel.Error, "MQTT {Handler} handler failed")]
    public static partial void HandlerFailed(ILogger logger, string handler, Exception exception);

    [LoggerMessage(5008, LogLevel.Warning, "MQTT broker acknowledged unknown packet id {PacketId}")]
    public static partial void UnknownAck(ILogger logger, int packetId);

    [LoggerMessage(5009, LogLevel.Error, "MQTT broker refused subscription to {Filter} (SUBACK 0x80)")]
    public static partial void SubscriptionRefused(ILogger logger, string filter);

    [LoggerMessage(5010, LogLevel.Debug, "MQTT no traffic sent for {IdleMs} ms: PINGREQ")]
    public static partial void PingSent(ILogger logger, double idleMs);

    [LoggerMessage(5011, LogLevel.Warning, "MQTT TLS certificate verification is OFF for {Host}:{Port}: anyone on the path can read and change the traffic. Never use this in production.")]
    public static partial void TlsVerificationDisabled(ILogger logger, string host, int port);

    [LoggerMessage(5012, LogLevel.Warning, "MQTT TLS server certificate of {Host}:{Port} rejected: {Reason}")]
    public static partial void TlsCertificateRejected(ILogger logger, string host, int port, string reason);

    [LoggerMessage(5013, LogLevel.Information, "MQTT re-sent {Count} unacknowledged QoS 1 publishes with their ids (session present {SessionPresent})")]
    public static partial void SessionResent(ILogger logger, int count, bool sessionPresent);
}
