namespace Chezlepro.Contracts.Messages;

/// <summary>
/// The collector's delivery watermark for one node (retained on <c>&lt;site&gt;/&lt;node&gt;/ack</c>). Every seq at or
/// below <see cref="Through"/> is committed at the collector or was declared evicted by a gaps notice; the agent
/// deletes outbox rows only when a watermark covers them, since a PUBACK only means the broker has the message.
/// Not an outbox message: no <c>seq</c>.
/// </summary>
public sealed record DeliveryAck
{
    /// <summary>Payload schema version.</summary>
    public int Schema { get; init; } = SchemaVersion.Current;

    /// <summary>Site identity; must match the topic.</summary>
    public required string Site { get; init; }

    /// <summary>Node identity; must match the topic.</summary>
    public required string Node { get; init; }

    /// <summary>The collector (<c>Collector:Id</c>) that published the watermark.</summary>
    public required string Collector { get; init; }

    /// <summary>Highest seq such that every seq at or below it is stored or declared evicted; 0 before the first.</summary>
    public long Through { get; init; }

    /// <summary>When the watermark was computed.</summary>
    public DateTimeOffset Ts { get; init; }
}
