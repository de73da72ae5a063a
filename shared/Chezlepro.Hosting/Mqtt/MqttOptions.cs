namespace Chezlepro.Hosting.Mqtt;

/// <summary>
/// The <c>Mqtt</c> section of contract.md, one type for the agent and the collector: the broker, the account, TLS
/// and the protocol version. Checked at start by <see cref="MqttOptionsValidator"/>, turned into the client's
/// settings by <see cref="MqttClientSettings"/>.
/// </summary>
public sealed class MqttOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Mqtt";

    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker port (1883 plain, 8883 TLS).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>User name (agent: <c>&lt;site&gt;-&lt;node&gt;</c>; collector: <c>collector-&lt;id&gt;</c>, as chezlepro-broker.sh creates them).</summary>
    public string? Username { get; set; }

    /// <summary>Password; from the environment or a systemd credential, never logged. Empty means none.</summary>
    public string? Password { get; set; }

    /// <summary>MQTT Keep Alive in seconds.</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>First topic segment (<c>chezlepro</c> in <c>chezlepro/v1/…</c>).</summary>
    public string TopicRoot { get; set; } = "chezlepro";

    /// <summary><c>3.1.1</c> (default) or <c>5</c>.</summary>
    public string ProtocolVersion { get; set; } = MqttProtocolVersions.V311;

    /// <summary>QoS 1 messages in flight at once.</summary>
    public int MaxInflight { get; set; } = 32;

    /// <summary>
    /// Longest wait between reconnect attempts (jittered exponential backoff from 1 s); unset: each service's
    /// default (agent 15 s, collector 5 s).
    /// </summary>
    public int? ReconnectMaxDelaySeconds { get; set; }

    /// <summary>TLS to the broker (<c>Mqtt:Tls</c>).</summary>
    public BrokerTlsOptions Tls { get; set; } = new();
}
