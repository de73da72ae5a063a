using System.Net;
using System.Net.Sockets;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Testing;
using Chezlepro.Testing.Faults;
using Xunit;

namespace Chezlepro.Integration.Tests.Faults;

/// <summary>The fault proxy the chaos suite relies on, against a plain echo server: each mode does what it says and no more.</summary>
public sealed class FaultProxyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Pass_RelaysBothWays_AndCountsConnectionsAndBytes()
    {
        await using var server = EchoServer.Start();
        await using var proxy = FaultProxy.Start(server.Port);
        using var client = await ConnectAsync(proxy.Port);

        Assert.Equal("hello", await EchoAsync(client, "hello"));
        Assert.Equal("again", await EchoAsync(client, "again"));

        Assert.Equal(1, proxy.ConnectionsAccepted);
        Assert.Equal(1, proxy.LiveConnections);
        Assert.Equal(10, proxy.BytesToTarget);
        Assert.Equal(10, proxy.BytesToClient);
        Assert.Equal(0, proxy.BytesDropped);
    }

    [Fact]
    public async Task Blackhole_ForwardsNothing_NeitherPeerSeesAClose_PassResetsTheBrokenConnection()
    {
        await using var server = EchoServer.Start();
        await using var proxy = FaultProxy.Start(server.Port);
        using var client = await ConnectAsync(proxy.Port);
        Assert.Equal("ping", await EchoAsync(client, "ping"));

        proxy.Blackhole();
        await SendAsync(client, "lost in the hole");
        await Eventually.HoldsAsync(() => Task.FromResult(proxy.BytesDropped >= 16), Wait, "bytes swallowed");
        // A new connection is accepted and never reaches the target.
        using var late = await ConnectAsync(proxy.Port);
        await SendAsync(late, "knock");
        await Eventually.HoldsAsync(() => Task.FromResult(proxy.BytesDropped >= 21), Wait, "late bytes swallowed");

        Assert.Equal(4, server.Received);
        Assert.Equal(1, server.Accepted);
        Assert.Equal(0, client.Available);
        Assert.Equal(2, proxy.LiveConnections);

        proxy.Pass();
        Assert.Equal(0, proxy.LiveConnections);
        await AssertResetAsync(client);
        using var fresh = await ConnectAsync(proxy.Port);
        Assert.Equal("back", await EchoAsync(fresh, "back"));
    }

    [Fact]
    public async Task Reset_RstsBothSidesOfLiveConnections_AndEveryNewOne()
    {
        await using var server = EchoServer.Start();
        await using var proxy = FaultProxy.Start(server.Port);
        using var client = await ConnectAsync(proxy.Port);
        Assert.Equal("ping", await EchoAsync(client, "ping"));

        proxy.Reset();

        await AssertResetAsync(client);
        await Eventually.HoldsAsync(() => Task.FromResult(server.Resets == 1), Wait, "the target read a reset");
        // The kernel completes the handshake before the proxy accepts: the reset reaches the connect or the first read.
        try
        {
            using var late = await ConnectAsync(proxy.Port);
            await AssertResetAsync(late);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
        Assert.Equal(2, proxy.ConnectionsAccepted);
        Assert.Equal(1, server.Accepted);

        proxy.Pass();
        using var fresh = await ConnectAsync(proxy.Port);
        Assert.Equal("back", await EchoAsync(fresh, "back"));
    }

    [Fact]
    public async Task Delay_HoldsEachChunkForTheLatency_EachWay()
    {
        // A fake clock: the system timer may fire a hair early, so a stopwatch bound would flake (it did, at 599.9 ms).
        var clock = new FakeTimeProvider();
        await using var server = EchoServer.Start();
        await using var proxy = FaultProxy.Start(server.Port, clock);
        using var client = await ConnectAsync(proxy.Port);
        proxy.Delay(TimeSpan.FromMilliseconds(300));

        var echo = EchoAsync(client, "slow");
        await Eventually.HoldsAsync(() => Task.FromResult(clock.PendingTimers == 1), Wait, "the outbound chunk waits on the clock");
        Assert.Equal(0, server.Received);

        clock.Advance(TimeSpan.FromMilliseconds(299));
        await Task.Delay(50);
        Assert.Equal(0, server.Received);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.HoldsAsync(() => Task.FromResult(server.Received == 4), Wait, "the chunk reached the target after 300 ms");
        Assert.False(echo.IsCompleted, "the reply must wait its own 300 ms");

        await Eventually.HoldsAsync(() => Task.FromResult(clock.PendingTimers == 1), Wait, "the reply waits on the clock");
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal("slow", await echo);
        Assert.Equal(FaultMode.Delay, proxy.Mode);
    }

    [Fact]
    public async Task HalfOpen_SilencesOneDirection_TheOtherFlows_SocketStaysOpen()
    {
        await using var server = EchoServer.Start();
        await using var proxy = FaultProxy.Start(server.Port);
        using var client = await ConnectAsync(proxy.Port);
        Assert.Equal("ping", await EchoAsync(client, "ping"));

        proxy.HalfOpen(FaultDirection.ToClient);
        await SendAsync(client, "one way");
        // The target gets the bytes and echoes them; the echo is what disappears.
        await Eventually.HoldsAsync(() => Task.FromResult(server.Received == 11 && proxy.BytesDropped == 7), Wait, "echo swallowed");
        await SendAsync(client, "still");
        await Eventually.HoldsAsync(() => Task.FromResult(server.Received == 16 && proxy.BytesDropped == 12), Wait, "second echo swallowed");

        Assert.Equal(0, client.Available);
        Assert.Equal(1, proxy.LiveConnections);
        Assert.Equal(FaultDirection.ToClient, proxy.SilencedDirection);

        proxy.Pass();
        await AssertResetAsync(client);
    }

    [Fact]
    public async Task HalfOpenTowardsTarget_RepliesCannotComeBecauseRequestsNeverArrive()
    {
        await using var server = EchoServer.Start();
        await using var proxy = FaultProxy.Start(server.Port);
        using var client = await ConnectAsync(proxy.Port);

        proxy.HalfOpen(FaultDirection.ToTarget);
        await SendAsync(client, "unheard");
        await Eventually.HoldsAsync(() => Task.FromResult(proxy.BytesDropped == 7), Wait, "request swallowed");

        Assert.Equal(0, server.Received);
        Assert.Equal(1, server.Accepted);
        Assert.Equal(0, client.Available);
    }

    [Fact]
    public async Task TargetDown_ClientConnectionIsClosed()
    {
        var nothing = FreePort.Next();
        await using var proxy = FaultProxy.Start(nothing);
        using var client = await ConnectAsync(proxy.Port);

        var buffer = new byte[1];
        using var cts = new CancellationTokenSource(Wait);
        var read = await client.ReceiveAsync(buffer, SocketFlags.None, cts.Token);

        Assert.Equal(0, read);
        Assert.Equal(1, proxy.ConnectionsAccepted);
        Assert.Equal(0, proxy.LiveConnections);
    }

    [Fact]
    public async Task Dispose_ClosesLiveConnections_AndStopsListening()
    {
        await using var server = EchoServer.Start();
        var proxy = FaultProxy.Start(server.Port);
        var port = proxy.Port;
        using var client = await ConnectAsync(port);
        Assert.Equal("ping", await EchoAsync(client, "ping"));

        await proxy.DisposeAsync();

        await AssertResetAsync(client);
        using var refused = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var error = await Assert.ThrowsAsync<SocketException>(async () => await refused.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(text), SocketFlags.None);

    private static async Task<string> EchoAsync(Socket socket, string text)
    {
        await SendAsync(socket, text);
        var buffer = new byte[text.Length];
        using var cts = new CancellationTokenSource(Wait);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.ReadExactlyAsync(buffer, cts.Token);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    // The proxy aborts with SO_LINGER 0: the peer reads a reset (or, if it raced, the end of the stream), never data.
    private static async Task AssertResetAsync(Socket socket)
    {
        var buffer = new byte[16];
        using var cts = new CancellationTokenSource(Wait);
        try
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            Assert.Equal(0, read);
        }
        catch (SocketException ex)
        {
            Assert.Equal(SocketError.ConnectionReset, ex.SocketErrorCode);
        }
    }
}
