using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Chezlepro.Agent.Diagnostics;
using Chezlepro.Agent.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.StatusPage.Http;

/// <summary>
/// The status page's HTTP/1.1 server: a few sockets, one request per connection, GET and HEAD only.
/// Owned rather than Kestrel because the agent lives on battery-backed nodes beside zabbix-class agents and
/// ASP.NET Core alone doubled its resident memory (see README, Benchmarks; measured again for issue 19 in
/// packaging/README.md, Status page). Bounded everywhere a LAN client could push: head size (8 KiB, no body),
/// time to send the head, connections in all and per client address — and a connection that has not sent its
/// request yet gives way to a new one, so stuck or slow clients cannot make the page unreachable.
/// </summary>
internal sealed class StatusHttpServer : IHostedService, IAsyncDisposable
{
    /// <summary>
    /// Connections kept at once. The page must answer while a LAN client holds connections open (issue 19: 40 idle
    /// connections blinded the old limit of 16); each costs a socket and an 8 KiB head buffer, so 128 is at most
    /// 1 MiB, and the oldest idle one is closed for a newcomer rather than refusing it.
    /// </summary>
    public const int MaxConnections = 128;

    /// <summary>
    /// Connections kept at once from one client address: a browser opens 6 per host (HTML, JSON refresh, favicon);
    /// past this an address only displaces its own oldest idle connection, never another client's.
    /// </summary>
    public const int MaxConnectionsPerAddress = 8;

    /// <summary>
    /// Time from accept to the whole request head (and the answer sent). A browser sends its head in one packet;
    /// a client that trickles it (slowloris) or sends nothing is cut off, and its slot freed, within this.
    /// </summary>
    public static readonly TimeSpan RequestDeadline = TimeSpan.FromSeconds(5);

    // Connections the kernel queues before we accept them: a burst of connects must not be dropped at SYN time
    // (the client would retry only after a second); the kernel caps it at net.core.somaxconn.
    private const int ListenBacklog = 512;

    private readonly IReadOnlyList<IPEndPoint> _endpoints;
    private readonly StatusEndpoints _handler;
    private readonly TimeProvider _time;
    private readonly ILogger<StatusHttpServer> _logger;
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConnectionTable _connections = new(MaxConnections, MaxConnectionsPerAddress);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Connections being served, plus one for the server itself until it stops: zero means drained.
    private int _active = 1;
    private int _released;

    /// <summary>Creates the server; binds nothing until started.</summary>
    public StatusHttpServer(IOptions<StatusPageOptions> options, StatusEndpoints handler, TimeProvider time, ILogger<StatusHttpServer> logger)
    {
        // Validated at start-up (StatusPageOptionsValidator); what is left here is well-formed.
        _endpoints = ListenEndpoints.Parse(options.Value.Urls, out _);
        _handler = handler;
        _time = time;
        _logger = logger;
    }

    /// <summary>Where the server listens once started (the actual ports when 0 was configured).</summary>
    public IReadOnlyList<IPEndPoint> BoundEndpoints => _listeners.Select(l => (IPEndPoint)l.LocalEndPoint!).ToList();

    /// <summary>Connections kept now (at most <see cref="MaxConnections"/>).</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>Binds every endpoint, so that a taken port fails the start with its address; then accepts.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in _endpoints)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // '*' binds [::] for both families, as Kestrel did for the same value.
                if (endpoint.Address.Equals(IPAddress.IPv6Any)) socket.DualMode = true;
                socket.Bind(endpoint);
                socket.Listen(ListenBacklog);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                throw new IOException($"StatusPage:Urls: cannot listen on {endpoint}: {ex.SocketErrorCode}", ex);
            }
            _listeners.Add(socket);
            AgentLog.StatusPageListening(_logger, socket.LocalEndPoint);
        }
        foreach (var listener in _listeners) _acceptLoops.Add(AcceptLoopAsync(listener, _stopping.Token));
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, cancels the requests in flight and waits for them to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var listener in _listeners) listener.Dispose();
        await Task.WhenAll(_acceptLoops).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // Only once no accept loop can start another connection.
        if (Interlocked.Exchange(ref _released, 1) == 0 && Interlocked.Decrement(ref _active) == 0) _drained.TrySetResult();
        await _drained.Task.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // Transient accept failures (ECONNABORTED, EMFILE) must not end the page for good.
                AgentLog.StatusPageAcceptFailed(_logger, ex.SocketErrorCode.ToString());
                continue;
            }
            TrackedConnection? evicted = null;
            var connection = client.RemoteEndPoint is IPEndPoint remote ? _connections.Admit(remote.Address, out evicted) : null;
            if (connection is null)
            {
                client.Dispose();
                continue;
            }
            // Cancels the evicted connection's receive; its own finally closes the socket and counts it out.
            evicted?.Evicted.Cancel();
            Interlocked.Increment(ref _active);
            _ = ServeAsync(client, connection, stop);
        }
    }

    private async Task ServeAsync(Socket client, TrackedConnection connection, CancellationToken stop)
    {
        using var deadline = new CancellationTokenSource(RequestDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, deadline.Token, connection.Evicted.Token);
        try
        {
            client.NoDelay = true;
            var (request, failure) = await ReadHeadAsync(client, linked.Token);
            _connections.MarkAnswering(connection);
            var response = failure ?? await _handler.HandleAsync(request!, linked.Token);
            await client.SendAsync(response.Encode(_time.GetUtcNow(), request?.Method == "HEAD"), SocketFlags.None, linked.Token);
            client.Shutdown(SocketShutdown.Send);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            AgentLog.StatusPageRequestTimedOut(_logger, client.RemoteEndPoint);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        catch (Exception ex)
        {
            // A bug in a handler answers this request with 500 and leaves the agent and the page running.
            AgentLog.StatusPageRequestFailed(_logger, ex);
            await TrySendAsync(client, HttpResponse.Text(500, "internal error"));
        }
        finally
        {
            client.Dispose();
            _connections.Remove(connection);
            if (Interlocked.Decrement(ref _active) == 0) _drained.TrySetResult();
        }
    }

    private async Task<(HttpRequestHead? Request, HttpResponse? Failure)> ReadHeadAsync(Socket client, CancellationToken ct)
    {
        // Pooled: under a flood of idle connections each would otherwise pin its own 8 KiB until the deadline.
        var buffer = ArrayPool<byte>.Shared.Rent(HttpRequestParser.MaxHeadBytes);
        try
        {
            return await ReadHeadAsync(client, buffer.AsMemory(0, HttpRequestParser.MaxHeadBytes), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<(HttpRequestHead? Request, HttpResponse? Failure)> ReadHeadAsync(Socket client, Memory<byte> buffer, CancellationToken ct)
    {
        var filled = 0;
        while (true)
        {
            var n = await client.ReceiveAsync(buffer[filled..], SocketFlags.None, ct);
            if (n == 0) throw new OperationCanceledException("client closed before a whole request");
            filled += n;
            var outcome = HttpRequestParser.Parse(buffer.Span[..filled], out var head, out var error);
            switch (outcome)
            {
                case HttpParseOutcome.Complete:
                    return (head, null);
                case HttpParseOutcome.NeedMore when filled < buffer.Length:
                    continue;
                case HttpParseOutcome.NeedMore or HttpParseOutcome.TooLarge:
                    AgentLog.StatusPageBadRequest(_logger, client.RemoteEndPoint, error ?? "request head too large");
                    return (null, HttpResponse.Text(431, "request head too large"));
                case HttpParseOutcome.BodyRefused:
                    AgentLog.StatusPageBadRequest(_logger, client.RemoteEndPoint, error!);
                    return (null, HttpResponse.Text(413, "no request body accepted"));
                default:
                    AgentLog.StatusPageBadRequest(_logger, client.RemoteEndPoint, error!);
                    return (null, HttpResponse.Text(400, "bad request"));
            }
        }
    }

    private async Task TrySendAsync(Socket client, HttpResponse response)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1), _time);
            await client.SendAsync(response.Encode(_time.GetUtcNow(), headOnly: false), SocketFlags.None, cts.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners) listener.Dispose();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
