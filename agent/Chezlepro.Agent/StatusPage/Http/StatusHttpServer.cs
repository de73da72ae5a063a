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
/// ASP.NET Core alone doubled its resident memory (see README, Benchmarks). Bounded everywhere a LAN client could
/// push: head size, time to send it, concurrent connections.
/// </summary>
internal sealed class StatusHttpServer : IHostedService, IAsyncDisposable
{
    /// <summary>Connections served at once; more are closed at accept (the page refreshes itself, a retry is cheap).</summary>
    public const int MaxConnections = 16;

    // A browser sends its head at once; a client that trickles it (slowloris) is cut off.
    private static readonly TimeSpan RequestDeadline = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<IPEndPoint> _endpoints;
    private readonly StatusEndpoints _handler;
    private readonly TimeProvider _time;
    private readonly ILogger<StatusHttpServer> _logger;
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots = new(MaxConnections, MaxConnections);

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
                socket.Listen(MaxConnections);
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

    /// <summary>Stops accepting and waits for the requests in flight (each is bounded by the request deadline).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var listener in _listeners) listener.Dispose();
        await Task.WhenAll(_acceptLoops).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        for (var i = 0; i < MaxConnections; i++)
        {
            if (!await _slots.WaitAsync(RequestDeadline, cancellationToken).ConfigureAwait(false)) break;
        }
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
            if (!_slots.Wait(0, CancellationToken.None))
            {
                client.Dispose();
                continue;
            }
            _ = ServeAsync(client, stop);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stop)
    {
        using var deadline = new CancellationTokenSource(RequestDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, deadline.Token);
        try
        {
            client.NoDelay = true;
            var (request, failure) = await ReadHeadAsync(client, linked.Token);
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
            _slots.Release();
        }
    }

    private async Task<(HttpRequestHead? Request, HttpResponse? Failure)> ReadHeadAsync(Socket client, CancellationToken ct)
    {
        var buffer = new byte[HttpRequestParser.MaxHeadBytes];
        var filled = 0;
        while (true)
        {
            var n = await client.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, ct);
            if (n == 0) throw new OperationCanceledException("client closed before a whole request");
            filled += n;
            var outcome = HttpRequestParser.Parse(buffer.AsSpan(0, filled), out var head, out var error);
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
        _slots.Dispose();
        return ValueTask.CompletedTask;
    }
}
