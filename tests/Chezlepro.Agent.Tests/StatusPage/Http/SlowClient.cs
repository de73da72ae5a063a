using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chezlepro.Agent.Tests.StatusPage.Http;

/// <summary>A raw LAN client of the status server from a chosen loopback source address, sending what it likes.</summary>
internal sealed class SlowClient : IDisposable
{
    private readonly Socket _socket;

    private SlowClient(Socket socket) => _socket = socket;

    /// <summary>Connects from <paramref name="from"/> and sends <paramref name="start"/> (often a partial head).</summary>
    public static async Task<SlowClient> ConnectAsync(IPAddress from, int port, string start)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            var client = new SlowClient(socket);
            if (start.Length > 0) await client.SendAsync(Encoding.ASCII.GetBytes(start));
            return client;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends more of the request.</summary>
    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    /// <summary>Everything the server sends until it closes; a reset counts as a close (the server closed with our bytes unread).</summary>
    public async Task<string> ReadToEndAsync()
    {
        var reply = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await _socket.ReceiveAsync(buffer, SocketFlags.None)) > 0) reply.Write(buffer, 0, n);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
        return Encoding.UTF8.GetString(reply.ToArray());
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
