namespace Chezlepro.Agent.Outbox;

/// <summary>An alert raised or cleared, persisted with its event so that the latch survives a restart.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Id">Alert id.</param>
/// <param name="Raised">True when raised, false when cleared.</param>
public sealed record LatchChange(string Source, string Id, bool Raised);
