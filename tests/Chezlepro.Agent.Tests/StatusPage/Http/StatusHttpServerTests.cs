using System.Net.Sockets;
using System.Text;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Tests.StatusPage;
using Xunit;

namespace Chezlepro.Agent.Tests.StatusPage.Http;

/// <summary>The server on a real loopback socket, met by what a LAN client could send.</summary>
[Trait("Category", "Integration")]
public class StatusHttpServerTests
{
    private static Task<(StatusServerHandle Server, Uri BaseAddress)> StartAsync(Testing.FakeTimeProvider? clock = null) =>
        FakeStatus.StartAsync(FakeStatus.GridLostState(), FakeStatus.Outbox(() => new OutboxStats(0, 0, null, 1, 0)), clock ?? FakeStatus.Clock());

    private static async Task<string> ExchangeAsync(Uri baseAddress, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", baseAddress.Port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request);
        }
        catch (IOException)
        {
            // The server may close before taking all of an oversized request.
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var reply = new MemoryStream();
        try
        {
            await stream.CopyToAsync(reply, cts.Token);
        }
        catch (IOException)
        {
            // Closed with our request unread: the kernel resets instead of a clean end; same meaning here.
        }
        return Encoding.UTF8.GetString(reply.ToArray());
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", "HTTP/1.1 400 ")]
    [InlineData("GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 400 ")]
    [InlineData("POST /api/status HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc", "HTTP/1.1 413 ")]
    [InlineData("DELETE / HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 405 ")]
    [InlineData("GET /../etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 404 ")]
    public async Task Request_Bad_StatusAndClose(string request, string statusLine)
    {
        var (server, baseAddress) = await StartAsync();
        await using var _ = server;
        var reply = await ExchangeAsync(baseAddress, Encoding.ASCII.GetBytes(request));
        Assert.StartsWith(statusLine, reply, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_Oversized_431WithoutReadingFurther()
    {
        var (server, baseAddress) = await StartAsync();
        await using var _ = server;
        var reply = await ExchangeAsync(baseAddress, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: a\r\nCookie: " + new string('x', 20_000)));
        Assert.StartsWith("HTTP/1.1 431 ", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_Metrics_SameFieldsNoBody()
    {
        var (server, baseAddress) = await StartAsync();
        await using var _ = server;
        var reply = await ExchangeAsync(baseAddress, "HEAD /metrics HTTP/1.1\r\nHost: a\r\n\r\n"u8.ToArray());
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", reply, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", reply, StringComparison.Ordinal);
        Assert.Matches(@"\r\nContent-Length: [1-9]\d*\r\n", reply);
    }

    [Fact]
    public async Task Request_TrickledAndNeverFinished_ClosedAtTheDeadline()
    {
        var clock = FakeStatus.Clock();
        var (server, baseAddress) = await StartAsync(clock);
        await using var _ = server;
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", baseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: a\r\n"u8.ToArray());
        var read = stream.ReadAsync(new byte[16]).AsTask();
        // The deadline is armed when the server takes the connection; advancing before that (a loaded CI machine
        // accepts late) would move the clock under a timer not yet created.
        for (var i = 0; clock.PendingTimers == 0; i++)
        {
            Assert.True(i < 200, "the server never armed its request deadline");
            await Task.Delay(50);
        }
        // Timers fire inside Advance: once it returns, a deadline due by 9 s has fired, whatever the machine's speed.
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(1, clock.PendingTimers);
        Assert.False(read.IsCompleted, "closed before the deadline");
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, clock.PendingTimers);
        try
        {
            Assert.Equal(0, await read.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            // Closed before the server had read our partial head: the kernel resets instead of a clean end; same meaning.
        }
    }

    [Fact]
    public async Task Connections_OverTheLimit_ClosedWhileThePageStaysUp()
    {
        var clock = FakeStatus.Clock();
        var (server, baseAddress) = await StartAsync(clock);
        await using var _ = server;
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < StatusHttpServerLimit; i++)
            {
                var c = new TcpClient();
                await c.ConnectAsync("127.0.0.1", baseAddress.Port);
                await c.GetStream().WriteAsync("G"u8.ToArray());
                idle.Add(c);
            }
            // Every connection holds a slot once the server has armed its request deadline: wait for that, not for a guess.
            for (var i = 0; clock.PendingTimers < StatusHttpServerLimit; i++)
            {
                Assert.True(i < 200, $"the server took {clock.PendingTimers} of {StatusHttpServerLimit} connections");
                await Task.Delay(50);
            }
            var reply = await ExchangeAsync(baseAddress, "GET /api/status HTTP/1.1\r\nHost: a\r\n\r\n"u8.ToArray());
            Assert.Equal("", reply);
        }
        finally
        {
            foreach (var c in idle) c.Dispose();
        }
        using var http = new HttpClient { BaseAddress = baseAddress };
        Assert.Contains("\"site\":\"lanaudiere\"", await Eventually(() => http.GetStringAsync("/api/status")), StringComparison.Ordinal);
    }

    private const int StatusHttpServerLimit = Chezlepro.Agent.StatusPage.Http.StatusHttpServer.MaxConnections;

    private static async Task<string> Eventually(Func<Task<string>> get)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await get();
            }
            catch (HttpRequestException) when (i < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
