using System.Net;

namespace Chezlepro.Agent.StatusPage.Http;

/// <summary>
/// Which connections the status server keeps: at most <c>total</c>, at most <c>perAddress</c> from one client
/// address. When a limit is reached the oldest connection still waiting for its request head makes room, so a
/// client that opens connections and sends nothing (or trickles) cannot lock out a browser that asks now: the
/// newest request always gets a place, and an address over its cap only ever pushes out its own connections.
/// Thread-safe; pure bookkeeping (closing the evicted socket is the caller's).
/// </summary>
internal sealed class ConnectionTable
{
    private readonly int _total;
    private readonly int _perAddress;
    private readonly Lock _gate = new();
    // Accept order: the first waiting entry is the oldest idle one.
    private readonly LinkedList<TrackedConnection> _open = new();
    private readonly Dictionary<IPAddress, int> _perAddressCount = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="total">Connections kept at once.</param>
    /// <param name="perAddress">Connections kept at once from one client address.</param>
    public ConnectionTable(int total, int perAddress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perAddress, 1);
        _total = total;
        _perAddress = perAddress;
    }

    /// <summary>Connections currently kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _open.Count;
        }
    }

    /// <summary>
    /// Admits a new connection from <paramref name="address"/>, evicting the oldest idle one of the same address
    /// (address at its cap) or of all (table full). Null when nothing could make room: every candidate is already
    /// answering (its request was whole), which lasts milliseconds — the new client is refused and retries.
    /// </summary>
    /// <param name="address">The client's address (IPv4-mapped IPv6 counted as IPv4).</param>
    /// <param name="evicted">The connection to close, if one had to make room.</param>
    public TrackedConnection? Admit(IPAddress address, out TrackedConnection? evicted)
    {
        address = Normalize(address);
        evicted = null;
        lock (_gate)
        {
            var fromAddress = _perAddressCount.GetValueOrDefault(address);
            if (fromAddress >= _perAddress)
            {
                evicted = OldestWaiting(address);
                if (evicted is null) return null;
            }
            else if (_open.Count >= _total)
            {
                evicted = OldestWaiting(null);
                if (evicted is null) return null;
            }
            if (evicted is not null) RemoveLocked(evicted);
            var connection = new TrackedConnection(address);
            connection.Node = _open.AddLast(connection);
            _perAddressCount[address] = _perAddressCount.GetValueOrDefault(address) + 1;
            return connection;
        }
    }

    /// <summary>The connection's request head is whole: it is answering now and is no longer evicted.</summary>
    public void MarkAnswering(TrackedConnection connection)
    {
        lock (_gate) connection.Answering = true;
    }

    /// <summary>Forgets a connection that ended (idempotent: an evicted one was already forgotten).</summary>
    public void Remove(TrackedConnection connection)
    {
        lock (_gate) RemoveLocked(connection);
    }

    private TrackedConnection? OldestWaiting(IPAddress? address)
    {
        for (var node = _open.First; node is not null; node = node.Next)
        {
            if (!node.Value.Answering && (address is null || node.Value.Address.Equals(address))) return node.Value;
        }
        return null;
    }

    private void RemoveLocked(TrackedConnection connection)
    {
        if (connection.Node is null) return;
        _open.Remove(connection.Node);
        connection.Node = null;
        var left = _perAddressCount[connection.Address] - 1;
        if (left == 0) _perAddressCount.Remove(connection.Address);
        else _perAddressCount[connection.Address] = left;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
