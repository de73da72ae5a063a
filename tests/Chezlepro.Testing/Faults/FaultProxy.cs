using System.Net;
using System.Net.Sockets;

namespace Chezlepro.Testing.Faults;

/// <summary>
/// A loopback TCP relay a test puts between a client and its server (agent and broker, collector and broker) to
/// break the path on demand: <see cref="FaultMode"/> says how, and the mode can change at any time. Bytes a mode
/// drops are gone, not held back: a connection that lost bytes is reset when forwarding resumes, as it would be
/// after its keepalive ran out, so a peer never reads a stream with a hole in it.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Link> _links = [];
    private Task _accept = Task.CompletedTask;
    private volatile FaultMode _mode = FaultMode.Pass;
    private volatile FaultDirection _silenced = FaultDirection.ToClient;
    private TimeSpan _latency;
    private long _accepted;
    private long _toTarget;
    private long _toClient;
    private long _dropped;

    private FaultProxy(int targetPort, TimeProvider time)
    {
        TargetPort = targetPort;
        _time = time;
    }

    /// <summary>Loopback port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Loopback port of the server behind the proxy.</summary>
    public int TargetPort { get; }

    /// <summary>The current mode.</summary>
    public FaultMode Mode => _mode;

    /// <summary>Latency added to each chunk in <see cref="FaultMode.Delay"/>.</summary>
    public TimeSpan Latency => _latency;

    /// <summary>The direction <see cref="FaultMode.HalfOpen"/> drops.</summary>
    public FaultDirection SilencedDirection => _silenced;

    /// <summary>Connections accepted since the start, whatever became of them.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Connections open now (client side still held by the proxy).</summary>
    public int LiveConnections
    {
        get
        {
            lock (_gate) return _links.Count;
        }
    }

    /// <summary>Bytes relayed from clients to the target.</summary>
    public long BytesToTarget => Interlocked.Read(ref _toTarget);

    /// <summary>Bytes relayed from the target to clients.</summary>
    public long BytesToClient => Interlocked.Read(ref _toClient);

    /// <summary>Bytes read and discarded (blackhole, half-open, or a side already gone).</summary>
    public long BytesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Starts listening on a free loopback port in <see cref="FaultMode.Pass"/>.</summary>
    public static FaultProxy Start(int targetPort, TimeProvider? timeProvider = null)
    {
        var proxy = new FaultProxy(targetPort, timeProvider ?? TimeProvider.System);
        proxy._listener.Start();
        proxy._accept = Task.Run(proxy.AcceptLoopAsync);
        return proxy;
    }

    /// <summary>Relays again; connections that lost bytes meanwhile are reset.</summary>
    public void Pass() => SwitchTo(FaultMode.Pass);

    /// <summary>Forwards nothing from now on and tells nobody.</summary>
    public void Blackhole() => SwitchTo(FaultMode.Blackhole);

    /// <summary>Resets every live connection now, and every new one until the mode changes.</summary>
    public void Reset()
    {
        _mode = FaultMode.Reset;
        foreach (var link in Snapshot()) link.Abort();
    }

    /// <summary>Adds <paramref name="latency"/> before each chunk is relayed, both ways.</summary>
    public void Delay(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        _latency = latency;
        SwitchTo(FaultMode.Delay);
    }

    /// <summary>Drops <paramref name="silenced"/> silently while the other direction flows and both sockets stay open.</summary>
    public void HalfOpen(FaultDirection silenced)
    {
        _silenced = silenced;
        SwitchTo(FaultMode.HalfOpen);
    }

    private void SwitchTo(FaultMode mode)
    {
        _mode = mode;
        if (!Forwards(FaultDirection.ToTarget) || !Forwards(FaultDirection.ToClient)) return;
        foreach (var link in Snapshot().Where(l => l.LostBytes)) link.Abort();
    }

    private bool Forwards(FaultDirection direction) => _mode switch
    {
        FaultMode.Pass or FaultMode.Delay => true,
        FaultMode.HalfOpen => direction != _silenced,
        _ => false,
    };

    private Link[] Snapshot()
    {
        lock (_gate) return [.. _links];
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            _ = Task.Run(() => OpenAsync(client));
        }
    }

    private async Task OpenAsync(Socket client)
    {
        if (_mode == FaultMode.Reset)
        {
            Link.Rst(client);
            return;
        }
        Socket? target = null;
        // A black hole never reaches the target: the client's handshake meets silence, as behind a dead route.
        if (_mode != FaultMode.Blackhole)
        {
            target = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, TargetPort, _stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                // Target down: the client sees its connection closed, as it would see it refused without the proxy.
                target.Dispose();
                client.Dispose();
                return;
            }
        }
        client.NoDelay = true;
        var link = new Link(this, client, target);
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                link.Abort();
                return;
            }
            _links.Add(link);
        }
        link.Run();
    }

    private void Forget(Link link)
    {
        lock (_gate) _links.Remove(link);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accept.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // The token source stays undisposed: a connection being opened may still read its token.
        foreach (var link in Snapshot()) link.Abort();
    }
}
