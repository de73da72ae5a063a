using Chezlepro.Mqtt.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Mqtt.Tests.Conformance;

/// <summary>A server that breaks the protocol: the client closes [MQTT-4.8.0-1], reports why, and reconnects.</summary>
public sealed class MalformedServerTests
{
    [Theory]
    [InlineData(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0x7F }, "exceeds the limit")] // claimed 256 MB
    [InlineData(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "Remaining Length")] // 5-byte length
    [InlineData(new byte[] { 0x36, 5, 0, 1, (byte)'t', 0, 1 }, "QoS 3")]
    [InlineData(new byte[] { 0x20, 2, 0, 0 }, "second CONNACK")]
    [InlineData(new byte[] { 0x30, 3, 0, 1, 0x01 }, "control character")]
    public async Task Receive_Malformed_ClosesAndReconnects(byte[] garbage, string expected)
    {
        await using var fake = new FakeBroker();
        await using var client = new MqttClient(new MqttClientOptions
        {
            Port = fake.Port,
            ClientId = "bad",
            MaxIncomingPacketSize = 1024 * 1024,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        }, NullLogger<MqttClient>.Instance, TimeProvider.System);
        var lost = new TaskCompletionSource<MqttDisconnectedEventArgs>();
        client.DisconnectedHandler = e =>
        {
            lost.TrySetResult(e);
            return Task.CompletedTask;
        };
        var start = client.StartAsync(default);
        await using (var session = await fake.AcceptConnectedAsync())
        {
            await start;
            await session.WriteAsync(garbage);
            var e = await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Contains(expected, e.Reason);
            Assert.IsType<MqttProtocolException>(e.Exception);
            Assert.True(await session.ClosedByClientAsync(TimeSpan.FromSeconds(3)));
        }
        await using var again = await fake.AcceptConnectedAsync();
    }

    [Fact]
    public async Task Start_NoConnack_ConnectExceptionAfterTimeoutThenRetries()
    {
        await using var fake = new FakeBroker();
        await using var client = new MqttClient(new MqttClientOptions
        {
            Port = fake.Port,
            ClientId = "slow",
            ConnectTimeout = TimeSpan.FromMilliseconds(500),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        }, NullLogger<MqttClient>.Instance, TimeProvider.System);
        var start = client.StartAsync(default);
        await using var silent = await fake.AcceptAsync();
        // A network-level failure on the first attempt is not a refusal: StartAsync returns and the loop retries.
        await start.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(client.IsConnected);
        await using var second = await fake.AcceptConnectedAsync();
        for (var i = 0; i < 50 && !client.IsConnected; i++) await Task.Delay(100);
        Assert.True(client.IsConnected);
    }
}
