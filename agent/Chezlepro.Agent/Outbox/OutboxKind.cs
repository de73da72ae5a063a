namespace Chezlepro.Agent.Outbox;

/// <summary>What an outbox row carries; decides the eviction order when a bound is reached.</summary>
public enum OutboxKind
{
    /// <summary>Bulk telemetry: evicted first (oldest first).</summary>
    Telemetry = 1,
    /// <summary>A health result: evicted by size only when no telemetry is left.</summary>
    Health = 2,
    /// <summary>An alert event: evicted by size only when no telemetry is left.</summary>
    Alert = 3,
    /// <summary>A gaps notice (evicted seqs): evicted by size last of all.</summary>
    Gaps = 4,
}
