using System.Net;
using System.Net.Sockets;

namespace Chezlepro.Integration.Tests.Faults;

/// <summary>A loopback TCP echo server that counts what reaches it: the target behind a proxy under test.</summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private Task _accept = Task.CompletedTask;
    private long _received;
    private int _accepted;
    private int _resets;

    private EchoServer()
    {
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long Received => Interlocked.Read(ref _received);

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections that ended with a reset rather than an orderly close.</summary>
    public int Resets => Volatile.Read(ref _resets);

    public static EchoServer Start()
    {
        var server = new EchoServer();
        server._listener.Start();
        server._accept = Task.Run(server.AcceptLoopAsync);
        return server;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_sockets) _sockets.Add(socket);
            Interlocked.Increment(ref _accepted);
            _ = EchoAsync(socket);
        }
    }

    private async Task EchoAsync(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                Interlocked.Add(ref _received, n);
                await socket.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            Interlocked.Increment(ref _resets);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accept.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_sockets)
        {
            foreach (var s in _sockets) s.Dispose();
        }
        _stop.Dispose();
    }
}
