using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Chezlepro.Testing;

/// <summary>Picks a free TCP port on loopback for a peer the test starts.</summary>
public static class FreePort
{
    private const int Lowest = 20000;

    /// <summary>
    /// A port that was free a moment ago on 127.0.0.1, chosen at random below the kernel's ephemeral range. Ports from
    /// bind(0) come out of that range, which every outgoing connection of every test process also draws from: with
    /// several test projects running at once (dotnet test on the solution) a port one test picked and released was
    /// handed to another process, and a client then reached another test's broker (seen as a takeover right after
    /// CONNACK in ProductionConfigTests).
    /// </summary>
    public static int Next()
    {
        var below = EphemeralLow();
        if (below - Lowest >= 1000)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var port = Random.Shared.Next(Lowest, below);
                if (IsFree(port)) return port;
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

    private static int EphemeralLow()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        try
        {
            var first = File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            return int.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }
}
