using Chezlepro.Mqtt.Validation;

namespace Chezlepro.Mqtt;

/// <summary>Start-up checks of <see cref="MqttClientOptions"/>; messages name the key and the value (never the password).</summary>
internal static class MqttClientOptionsValidator
{
    public static List<string> Validate(MqttClientOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host)) errors.Add(Both("Mqtt:Host is empty", "est vide"));
        if (o.Port is < 1 or > 65535) errors.Add(Both($"Mqtt:Port = {o.Port} is outside 1..65535", "doit être entre 1 et 65535"));
        // Keep Alive is a 16-bit count of seconds (§3.1.2.10).
        if (o.KeepAlive < TimeSpan.Zero || o.KeepAlive.TotalSeconds > ushort.MaxValue || o.KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
            errors.Add(Both($"Mqtt:KeepAlive = {o.KeepAlive} must be whole seconds in 0..65535", "doit être un nombre entier de secondes entre 0 et 65535"));
        if (o.MaxInflight is < 1 or > 65535) errors.Add(Both($"Mqtt:MaxInflight = {o.MaxInflight} is outside 1..65535", "doit être entre 1 et 65535"));
        if (o.ConnectTimeout <= TimeSpan.Zero) errors.Add(Both($"Mqtt:ConnectTimeout = {o.ConnectTimeout} must be positive", "doit être positif"));
        if (o.PingResponseTimeout <= TimeSpan.Zero) errors.Add(Both($"Mqtt:PingResponseTimeout = {o.PingResponseTimeout} must be positive", "doit être positif"));
        if (o.ReconnectMinDelay <= TimeSpan.Zero) errors.Add(Both($"Mqtt:ReconnectMinDelay = {o.ReconnectMinDelay} must be positive", "doit être positif"));
        if (o.ReconnectMaxDelay < o.ReconnectMinDelay)
            errors.Add(Both($"Mqtt:ReconnectMaxDelay = {o.ReconnectMaxDelay} is below Mqtt:ReconnectMinDelay = {o.ReconnectMinDelay}", "est sous ReconnectMinDelay"));
        // Below 5 bytes not even a PUBACK fits; Mosquitto refuses max_packet_size below 20 for the same reason.
        if (o.MaxIncomingPacketSize is < 20 or > 268_435_460) errors.Add(Both($"Mqtt:MaxIncomingPacketSize = {o.MaxIncomingPacketSize} is outside 20..268435460", "doit être entre 20 et 268435460"));
        CheckString(errors, "Mqtt:ClientId", o.ClientId);
        // [MQTT-3.1.3-7]/[MQTT-3.1.3-8]: an empty client id only with Clean Session.
        if (o.ClientId.Length == 0 && !o.CleanSession) errors.Add(Both("Mqtt:ClientId is empty, which needs CleanSession = true [MQTT-3.1.3-7]", "est vide, ce qui exige CleanSession = true [MQTT-3.1.3-7]"));
        if (o.Username is not null) CheckString(errors, "Mqtt:Username", o.Username);
        // [MQTT-3.1.2-22]: a password without a user name is not allowed.
        if (o.Password is not null && o.Username is null) errors.Add(Both("Mqtt:Password is set but Mqtt:Username is not [MQTT-3.1.2-22]", "est donné sans Mqtt:Username [MQTT-3.1.2-22]"));
        if (o.Password is not null && System.Text.Encoding.UTF8.GetByteCount(o.Password) > MqttUtf8.MaxBytes)
            errors.Add(Both("Mqtt:Password is longer than 65535 bytes (§3.1.3.5)", "dépasse 65535 octets (§3.1.3.5)"));
        if (o.Tls is { Enabled: true } tls)
        {
            if (tls.KeyFile is not null && tls.CertificateFile is null) errors.Add(Both("Mqtt:Tls:KeyFile is set but Mqtt:Tls:CertificateFile is not", "est donné sans Mqtt:Tls:CertificateFile"));
            if (tls.PinnedSha256 is { } pin && !Transport.TlsMqttTransport.TryParsePin(pin, out _))
                errors.Add(Both($"Mqtt:Tls:PinnedSha256 = '{pin}' is not 32 hex bytes", "n’est pas 32 octets hexadécimaux"));
            if (tls.PinOnly && tls.PinnedSha256 is null) errors.Add(Both("Mqtt:Tls:PinOnly needs Mqtt:Tls:PinnedSha256", "exige Mqtt:Tls:PinnedSha256"));
        }
        return errors;
    }

    public static void ThrowIfInvalid(MqttClientOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0) throw new ArgumentException("invalid MQTT options: " + string.Join("; ", errors), nameof(options));
    }

    // The same join as Chezlepro.Hosting.Configuration.ValidationText.Of (issue 17), kept local because this
    // library does not reference Chezlepro.Hosting (the hosting layer references it, not the reverse).
    internal static string Both(string en, string fr) => (en.EndsWith('.') ? en[..^1] : en) + " / " + fr;

    private static void CheckString(List<string> errors, string key, string value)
    {
        try
        {
            MqttUtf8.Encode(value, key);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{key} = '{value}': {ex.Message}");
        }
    }
}
