using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>Builds clients pointed at a test broker, with short reconnect delays.</summary>
internal static class TestClients
{
    private static int _counter;

    public static MqttClientOptions Options(MosquittoBroker broker, string? clientId = null) => Options(broker.Port, clientId);

    /// <summary>Options for any broker on a loopback port (RabbitMQ's MQTT plugin).</summary>
    public static MqttClientOptions Options(int port, string? clientId = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        ClientId = clientId ?? $"test-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}",
        KeepAlive = TimeSpan.FromSeconds(30),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    public static MqttClient Create(MqttClientOptions options) =>
        new(options, NullLogger<MqttClient>.Instance, TimeProvider.System);

    public static MqttClient Create(MosquittoBroker broker, Action<MqttClientOptions>? configure = null)
    {
        var options = Options(broker);
        configure?.Invoke(options);
        return Create(options);
    }
}
