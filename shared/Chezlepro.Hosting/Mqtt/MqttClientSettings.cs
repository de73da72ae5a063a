using Chezlepro.Mqtt;

namespace Chezlepro.Hosting.Mqtt;

/// <summary>Turns the validated <c>Mqtt</c> section into the client's settings, the same way for both services.</summary>
public static class MqttClientSettings
{
    /// <summary>
    /// MQTT 5 "never expires" (§3.1.2.11.2: 0xFFFFFFFF); the broker's own limit (<c>persistent_client_expiration</c>)
    /// still applies.
    /// </summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(uint.MaxValue);

    /// <summary>Creates the client settings of one service.</summary>
    /// <param name="mqtt">The validated section.</param>
    /// <param name="clientId">contract.md client id (<c>chezlepro-agent-&lt;site&gt;-&lt;node&gt;</c>, <c>chezlepro-collector-&lt;id&gt;</c>).</param>
    /// <param name="durableSession">
    /// True for a session the broker keeps while the client is away (the collector: agent messages queue for it);
    /// false for a clean session (the agent: its outbox, not the broker, is the store).
    /// </param>
    /// <param name="defaultReconnectMaxDelay">Used when <see cref="MqttOptions.ReconnectMaxDelaySeconds"/> is unset.</param>
    /// <exception cref="ArgumentException"><see cref="MqttOptions.ProtocolVersion"/> is not a known version.</exception>
    public static MqttClientOptions Create(MqttOptions mqtt, string clientId, bool durableSession, TimeSpan defaultReconnectMaxDelay)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        // Validated at start (MqttOptionsValidator); reaching here with a bad value is a programming error.
        if (!MqttProtocolVersions.TryParse(mqtt.ProtocolVersion, out var version))
            throw new ArgumentException($"Mqtt:ProtocolVersion = '{mqtt.ProtocolVersion}': must be 3.1.1 or 5.", nameof(mqtt));
        return new MqttClientOptions
        {
            Host = mqtt.Host,
            Port = mqtt.Port,
            ClientId = clientId,
            Username = mqtt.Username,
            // A packaged credential file starts empty (LoadCredential= needs a file): empty is "no password".
            Password = string.IsNullOrEmpty(mqtt.Password) ? null : mqtt.Password,
            KeepAlive = TimeSpan.FromSeconds(mqtt.KeepAliveSeconds),
            CleanSession = !durableSession,
            ProtocolVersion = version,
            // MQTT 5 ends a session with its connection unless an expiry is sent: a durable session must say so, or
            // the broker would drop the collector's queue at every restart (3.1.1 keeps it without asking).
            SessionExpiryInterval = durableSession && version == MqttProtocolVersion.V500 ? NeverExpires : null,
            MaxInflight = mqtt.MaxInflight,
            ReconnectMaxDelay = mqtt.ReconnectMaxDelaySeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : defaultReconnectMaxDelay,
            Tls = new MqttTlsOptions
            {
                Enabled = mqtt.Tls.Enabled,
                CaFile = mqtt.Tls.CaFile,
                CertificateFile = mqtt.Tls.CertificateFile,
                KeyFile = mqtt.Tls.KeyFile,
                PinnedSha256 = mqtt.Tls.PinnedSha256,
                PinOnly = mqtt.Tls.PinOnly,
                TargetHost = mqtt.Tls.TargetHost,
            },
        };
    }
}
