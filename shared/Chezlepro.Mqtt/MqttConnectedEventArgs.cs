namespace Chezlepro.Mqtt;

/// <summary>Raised after a CONNACK that accepted the connection.</summary>
/// <param name="SessionPresent">The broker resumed a stored session.</param>
/// <param name="ConnectionNumber">1 for the first connection of this client object, +1 per reconnect.</param>
public sealed record MqttConnectedEventArgs(bool SessionPresent, long ConnectionNumber);
