namespace Chezlepro.Mqtt;

/// <summary>An MQTT 5 user property (§3.3.2.3.7), forwarded unchanged and in order by the server [MQTT-3.3.2-17/-18].</summary>
/// <param name="Name">UTF-8 name.</param>
/// <param name="Value">UTF-8 value.</param>
public sealed record MqttUserProperty(string Name, string Value);
