using System.Net;
using System.Net.Sockets;

namespace Chezlepro.Testing;

/// <summary>Picks a free TCP port on loopback for a peer the test starts.</summary>
public static class FreePort
{
    // Below Linux's ephemeral range (ip_local_port_range, 32768-60999 by default): a port the kernel handed out as
    // "free" from that range is soon taken again as the local end of some outgoing connection (every client of every
    // test project running in parallel), so a broker started on it a moment later failed with "Address already in use".
    private const int First = 20000;
    private const int Last = 32000;

    private static readonly HashSet<int> Given = [];

    /// <summary>A port that was free a moment ago on 127.0.0.1, outside the ephemeral range, never given twice by this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            lock (Given)
            {
                if (!Given.Add(port)) continue;
            }
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"no free loopback port between {First} and {Last} after 200 tries");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
