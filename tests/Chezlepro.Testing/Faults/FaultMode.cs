namespace Chezlepro.Testing.Faults;

/// <summary>What a <see cref="FaultProxy"/> does with the bytes and connections it relays.</summary>
public enum FaultMode
{
    /// <summary>Relays every byte both ways, closes propagate.</summary>
    Pass,

    /// <summary>Accepts and reads everything, forwards nothing, says nothing: each peer sees silence, never a close.</summary>
    Blackhole,

    /// <summary>Resets (RST) both sides of every live connection, and every new one as soon as it is accepted.</summary>
    Reset,

    /// <summary>Relays every chunk after <see cref="FaultProxy.Latency"/>.</summary>
    Delay,

    /// <summary>Silently drops one direction (<see cref="FaultProxy.SilencedDirection"/>) while the other flows and both sockets stay open.</summary>
    HalfOpen,
}
