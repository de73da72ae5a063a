namespace Chezlepro.Agent.Options;

/// <summary>The <c>Mqtt</c> section: the broker the agent publishes to.</summary>
public sealed class MqttOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Mqtt";

    /// <summary>Broker host.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>User name (<c>&lt;site&gt;-&lt;node&gt;</c> with the packaged ACL).</summary>
    public string? Username { get; set; }

    /// <summary>Password; from the environment or a systemd credential, never logged.</summary>
    public string? Password { get; set; }

    /// <summary>MQTT Keep Alive in seconds.</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>First topic segment.</summary>
    public string TopicRoot { get; set; } = "chezlepro";

    /// <summary>QoS 1 messages in flight at once while draining the outbox.</summary>
    public int MaxInflight { get; set; } = 32;

    /// <summary>Longest wait between reconnect attempts (jittered exponential backoff from 1 s).</summary>
    public int ReconnectMaxDelaySeconds { get; set; } = 15;

    /// <summary>TLS settings.</summary>
    public MqttTlsOptions Tls { get; set; } = new();
}
