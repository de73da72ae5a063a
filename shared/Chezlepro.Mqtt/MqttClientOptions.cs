namespace Chezlepro.Mqtt;

/// <summary>Settings of one <see cref="IMqttClient"/>.</summary>
public sealed class MqttClientOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker port (1883 plain, 8883 TLS).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Client identifier (contract.md: <c>chezlepro-agent-&lt;site&gt;-&lt;node&gt;</c>).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>User name, or null for none.</summary>
    public string? Username { get; set; }

    /// <summary>Password, or null for none. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Keep Alive (§3.1.2.10); zero turns it off.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Clean Session flag (§3.1.2.4).</summary>
    public bool CleanSession { get; set; } = true;

    /// <summary>Most QoS 1 publishes awaiting PUBACK at once; 1 gives strict order (§4.6).</summary>
    public int MaxInflight { get; set; } = 32;

    /// <summary>Bound on TCP connect + CONNACK.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles per failure with jitter.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest packet accepted from the broker; larger ones close the connection instead of allocating.</summary>
    public int MaxIncomingPacketSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>How long to wait for PINGRESP before treating the connection as dead (§3.1.2.10 "a reasonable time").</summary>
    public TimeSpan PingResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS settings; off by default.</summary>
    public MqttTlsOptions Tls { get; set; } = new();

    /// <summary>Protocol version; 3.1.1 unless set to <see cref="MqttProtocolVersion.V500"/>.</summary>
    public MqttProtocolVersion ProtocolVersion { get; set; } = MqttProtocolVersion.V311;

    /// <summary>MQTT 5: how long the broker keeps the session after a disconnect (§3.1.2.11.2); null = 0 (ends with the connection).</summary>
    public TimeSpan? SessionExpiryInterval { get; set; }

    /// <summary>MQTT 5: the broker waits this long before publishing the will, and skips it if we reconnect in time (§3.1.3.2.2).</summary>
    public TimeSpan? WillDelayInterval { get; set; }

    /// <summary>Most received messages handed to <see cref="IMqttClient.BatchMessageHandler"/> at once.</summary>
    public int MaxIncomingBatch { get; set; } = 256;
}
