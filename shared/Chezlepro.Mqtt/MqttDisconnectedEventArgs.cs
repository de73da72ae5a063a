namespace Chezlepro.Mqtt;

/// <summary>Raised when a connection ends, cleanly or not.</summary>
/// <param name="Reason">Why, in words fit for a log (no secrets).</param>
/// <param name="Exception">The fault, when there was one.</param>
/// <param name="Clean">True when we sent DISCONNECT ourselves.</param>
public sealed record MqttDisconnectedEventArgs(string Reason, Exception? Exception, bool Clean);
