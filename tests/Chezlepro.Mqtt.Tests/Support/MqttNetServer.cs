using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Chezlepro.Testing;
using MQTTnet.Server;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>What MQTTnet's server saw a client publish, copied out of the event (its buffers are not ours to keep).</summary>
internal sealed record ServerPublish(string ClientId, string Topic, byte[] Payload, int Qos, bool Retain, bool Dup);

/// <summary>
/// MQTTnet 5's in-process server on a loopback port the test picks, persistent sessions on: a second, independent
/// broker implementation beside Mosquitto. Records every PUBLISH it accepts from a client.
/// </summary>
internal sealed class MqttNetServer : IAsyncDisposable
{
    private readonly Channel<ServerPublish> _published = Channel.CreateUnbounded<ServerPublish>();

    private MqttNetServer(MqttServer server, int port)
    {
        Server = server;
        Port = port;
        server.InterceptingPublishAsync += e =>
        {
            var m = e.ApplicationMessage;
            _published.Writer.TryWrite(new ServerPublish(e.ClientId, m.Topic, m.Payload.ToArray(), (int)m.QualityOfServiceLevel, m.Retain, m.Dup));
            return Task.CompletedTask;
        };
    }

    public MqttServer Server { get; }

    public int Port { get; }

    public static async Task<MqttNetServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            // FreePort's port was free a moment ago; another test on this machine may take it before we bind.
            var port = FreePort.Next();
            var factory = new MqttServerFactory();
            var options = factory.CreateServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointPort(port)
                .WithPersistentSessions()
                .Build();
            var server = new MqttNetServer(factory.CreateMqttServer(options), port);
            try
            {
                await server.Server.StartAsync();
                return server;
            }
            catch (SocketException) when (attempt < 3)
            {
                server.Server.Dispose();
            }
        }
    }

    public MqttClientOptions ClientOptions(string clientId) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        ClientId = clientId,
        KeepAlive = TimeSpan.FromSeconds(30),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>The next PUBLISH a client sent; throws after <paramref name="timeout"/> (10 s by default).</summary>
    public async Task<ServerPublish> NextPublishAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _published.Reader.ReadAsync(cts.Token);
    }

    /// <summary>A PUBLISH already received, or null: no waiting.</summary>
    public ServerPublish? TakeReceived() => _published.Reader.TryRead(out var p) ? p : null;

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        Server.Dispose();
    }
}
