using System.Net.Sockets;
using System.Text;

namespace Chezlepro.Agent.Hosting.Systemd;

/// <summary>
/// sd_notify over the <c>NOTIFY_SOCKET</c> datagram socket, without libsystemd. A leading <c>@</c> names a
/// socket in Linux's abstract namespace (sd_notify(3)); the socket opens on first use, not in the constructor.
/// </summary>
public sealed class SystemdNotifier : ISystemdNotifier, IDisposable
{
    private readonly object _gate = new();
    private readonly UnixDomainSocketEndPoint? _endpoint;
    private Socket? _socket;

    /// <summary>Creates a notifier for <paramref name="socketPath"/> (null or empty: disabled).</summary>
    public SystemdNotifier(string? socketPath)
    {
        if (string.IsNullOrWhiteSpace(socketPath)) return;
        _endpoint = new UnixDomainSocketEndPoint(socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath);
    }

    /// <inheritdoc />
    public bool IsEnabled => _endpoint is not null;

    /// <inheritdoc />
    public bool Notify(string state)
    {
        if (_endpoint is null) return false;
        var bytes = Encoding.UTF8.GetBytes(state);
        lock (_gate)
        {
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                return _socket.SendTo(bytes, SocketFlags.None, _endpoint) == bytes.Length;
            }
            catch (SocketException)
            {
                // systemd gone (or a test listener closed): notifications are advisory, the agent keeps running.
                _socket?.Dispose();
                _socket = null;
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _socket?.Dispose();
            _socket = null;
        }
    }
}
