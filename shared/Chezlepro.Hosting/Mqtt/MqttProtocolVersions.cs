using Chezlepro.Mqtt;

namespace Chezlepro.Hosting.Mqtt;

/// <summary>The values of <c>Mqtt:ProtocolVersion</c> as operators write them (contract.md: <c>"3.1.1"</c>).</summary>
public static class MqttProtocolVersions
{
    /// <summary>MQTT 3.1.1, the default.</summary>
    public const string V311 = "3.1.1";

    /// <summary>MQTT 5.0.</summary>
    public const string V5 = "5";

    /// <summary>Reads a configured version: <c>3.1.1</c>, or <c>5</c> / <c>5.0</c>.</summary>
    /// <param name="text">The configured value.</param>
    /// <param name="version">The protocol level sent in CONNECT.</param>
    public static bool TryParse(string? text, out MqttProtocolVersion version)
    {
        switch (text?.Trim())
        {
            case V311:
                version = MqttProtocolVersion.V311;
                return true;
            case V5 or "5.0":
                version = MqttProtocolVersion.V500;
                return true;
            default:
                version = MqttProtocolVersion.V311;
                return false;
        }
    }
}
