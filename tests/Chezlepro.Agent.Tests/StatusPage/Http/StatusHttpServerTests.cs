using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.StatusPage.Http;
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
    public async Task Request_TrickledOneBytePerSecond_ClosedAtTheDeadline()
    {
        var clock = FakeStatus.Clock();
        var (server, baseAddress) = await StartAsync(clock);
        await using var _ = server;
        using var client = await SlowClient.ConnectAsync(IPAddress.Loopback, baseAddress.Port, "");
        var read = client.ReadToEndAsync();
        // The deadline is armed when the server takes the connection; advancing before that (a loaded CI machine
        // accepts late) would move the clock under a timer not yet created.
        await WaitForAsync(() => clock.PendingTimers == 1, "the server never armed its request deadline");
        var head = "GET / HTTP/1.1\r\nHost: a\r\n"u8.ToArray();
        var second = TimeSpan.FromSeconds(1);
        var seconds = (int)(StatusHttpServer.RequestDeadline / second);
        for (var i = 0; i < seconds - 1; i++)
        {
            await client.SendAsync(head[i..(i + 1)]);
            // Timers fire inside Advance: once it returns, a deadline due by now has fired, whatever the machine's speed.
            clock.Advance(second);
            Assert.Equal(1, clock.PendingTimers);
            Assert.False(read.IsCompleted, "closed before the deadline");
        }
        await client.SendAsync(head[(seconds - 1)..seconds]);
        clock.Advance(second);
        Assert.Equal(0, clock.PendingTimers);
        Assert.Equal("", await read.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    public async Task SlowClients_200HoldingPartialHeads_PageStillAnswersWithinASecond(int addresses)
    {
        var (server, baseAddress) = await StartAsync();
        await using var _ = server;
        var slow = new List<SlowClient>();
        try
        {
            // 127.0.0.0/8 is all loopback on Linux: each client binds its own source address, as LAN hosts would.
            for (var i = 0; i < 200; i++)
            {
                var from = addresses == 1 ? IPAddress.Loopback : IPAddress.Parse($"127.0.1.{1 + i % addresses}");
                slow.Add(await SlowClient.ConnectAsync(from, baseAddress.Port, "GET / HTTP/1.1\r\nHost: a\r\n"));
            }
            var started = Stopwatch.GetTimestamp();
            using var page = await SlowClient.ConnectAsync(IPAddress.Loopback, baseAddress.Port, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            var reply = await page.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var elapsed = Stopwatch.GetElapsedTime(started);
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", reply, StringComparison.Ordinal);
            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the page took {elapsed.TotalMilliseconds:F0} ms behind 200 slow connections");
            Assert.InRange(server.Server.OpenConnections, 1, StatusHttpServer.MaxConnections);
        }
        finally
        {
            foreach (var c in slow) c.Dispose();
        }
    }

    [Fact]
    public async Task SlowClients_OneAddressOverItsCap_OthersKeepTheirConnections()
    {
        var (server, baseAddress) = await StartAsync();
        await using var _ = server;
        var neighbour = new List<SlowClient>();
        var flooder = new List<SlowClient>();
        try
        {
            for (var i = 0; i < StatusHttpServer.MaxConnectionsPerAddress; i++)
            {
                neighbour.Add(await SlowClient.ConnectAsync(IPAddress.Parse("127.0.0.2"), baseAddress.Port, "GET /api/status HTTP/1.1\r\n"));
            }
            await WaitForAsync(() => server.Server.OpenConnections == neighbour.Count, "the server never took the neighbour's connections");
            const int flood = 20;
            for (var i = 0; i < flood; i++)
            {
                flooder.Add(await SlowClient.ConnectAsync(IPAddress.Parse("127.0.0.3"), baseAddress.Port, "GET / HTTP/1.1\r\n"));
            }
            // The flooder's own oldest connections made room for its newer ones.
            foreach (var evicted in flooder.Take(flood - StatusHttpServer.MaxConnectionsPerAddress))
            {
                Assert.Equal("", await evicted.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            }
            foreach (var c in neighbour)
            {
                await c.SendAsync("Host: a\r\n\r\n"u8.ToArray());
                Assert.StartsWith("HTTP/1.1 200 OK\r\n", await c.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var c in neighbour.Concat(flooder)) c.Dispose();
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        for (var i = 0; !condition(); i++)
        {
            Assert.True(i < 200, failure);
            await Task.Delay(50);
        }
    }
}
