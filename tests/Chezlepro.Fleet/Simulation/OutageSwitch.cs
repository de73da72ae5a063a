using System.Net.Sockets;

namespace Chezlepro.Fleet.Simulation;

/// <summary>
/// A node's network cable: <see cref="Cut"/> resets the live connection (RST, as a node losing its uplink, so the broker
/// publishes the will) and refuses every reconnect until <see cref="Restore"/>; the client's own backoff reconnects then.
/// </summary>
internal sealed class OutageSwitch
{
    private readonly Lock _lock = new();
    private Socket? _current;

    public bool IsCut { get; private set; }

    public void Cut()
    {
        lock (_lock)
        {
            IsCut = true;
            Reset(_current);
            _current = null;
        }
    }

    public void Restore()
    {
        lock (_lock) IsCut = false;
    }

    /// <summary>Registers a connected socket; false (and the socket reset) when the cable is cut meanwhile.</summary>
    public bool Attach(Socket socket)
    {
        lock (_lock)
        {
            if (IsCut)
            {
                Reset(socket);
                return false;
            }
            _current = socket;
            return true;
        }
    }

    private static void Reset(Socket? socket)
    {
        if (socket is null) return;
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
        }
        socket.Dispose();
    }
}
