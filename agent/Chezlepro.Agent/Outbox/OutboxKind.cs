namespace Chezlepro.Agent.Outbox;

/// <summary>What an outbox row carries; decides what may be evicted under pressure.</summary>
public enum OutboxKind
{
    /// <summary>Bulk telemetry: the only kind ever evicted (oldest first).</summary>
    Telemetry = 1,
    /// <summary>A health result: never evicted.</summary>
    Health = 2,
    /// <summary>An alert event: never evicted.</summary>
    Alert = 3,
}
