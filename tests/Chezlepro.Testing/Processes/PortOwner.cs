using System.Globalization;

namespace Chezlepro.Testing.Processes;

/// <summary>
/// Whether a TCP port's listening socket belongs to a given process (Linux /proc). Test projects run in parallel, each
/// picking ports at random: a peer started on a port another project's peer took a moment earlier fails to bind and
/// exits, while a probe connect to that port succeeds against the other peer — and the test then talks to a broker it
/// did not configure (an anonymous client accepted where ours refuses it).
/// </summary>
public static class PortOwner
{
    private const string Listen = "0A";

    /// <summary>
    /// True when a socket listening on <paramref name="port"/> (any local address, IPv4 or IPv6) is open in process
    /// <paramref name="pid"/>; false when the listener is another process's, or none. Null where /proc cannot tell.
    /// </summary>
    public static bool? IsListening(int pid, int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != Listen) continue;
                var colon = fields[1].LastIndexOf(':');
                if (colon < 0 || !int.TryParse(fields[1].AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var local)) continue;
                if (local == port) inodes.Add("socket:[" + fields[9] + "]");
            }
        }
        if (inodes.Count == 0) return false;
        var fds = $"/proc/{pid}/fd";
        if (!Directory.Exists(fds)) return null;
        try
        {
            return Directory.EnumerateFileSystemEntries(fds).Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// For a peer whose start-up probe just reached <paramref name="port"/>: when that listener is not the peer's
    /// (process <paramref name="pid"/>), stops the peer with <paramref name="kill"/> and throws <see cref="PortTakenException"/>.
    /// </summary>
    public static void ThrowIfNotHeld(int pid, int port, Action kill)
    {
        ArgumentNullException.ThrowIfNull(kill);
        if (IsListening(pid, port) != false) return;
        kill();
        throw new PortTakenException(port, "the start-up probe reached a listener the peer does not hold");
    }

    /// <summary>For a peer that exited during start-up: <see cref="PortTakenException"/> when its log says the bind failed.</summary>
    public static void ThrowIfBindFailed(int port, string exitLog)
    {
        ArgumentNullException.ThrowIfNull(exitLog);
        if (exitLog.Contains("Address already in use", StringComparison.Ordinal)) throw new PortTakenException(port, exitLog);
    }
}
