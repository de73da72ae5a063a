using System.Net;

namespace Chezlepro.Agent.StatusPage.Http;

/// <summary>One connection kept by a <see cref="ConnectionTable"/>; its fields are guarded by the table's lock.</summary>
/// <param name="address">The client's address, normalised.</param>
internal sealed class TrackedConnection(IPAddress address)
{
    /// <summary>The client's address.</summary>
    public IPAddress Address { get; } = address;

    /// <summary>Closes the connection when it is evicted; the server links it into the connection's token.</summary>
    // Never disposed: it has no timer, and an eviction may cancel it after the connection has ended.
    public CancellationTokenSource Evicted { get; } = new();

    /// <summary>The request head is whole and the answer is on its way: not a candidate for eviction.</summary>
    internal bool Answering { get; set; }

    /// <summary>Its place in the table's accept order; null once removed.</summary>
    internal LinkedListNode<TrackedConnection>? Node { get; set; }
}
