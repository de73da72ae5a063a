namespace Chezlepro.Collector.Ingest;

/// <summary>Why an incoming message was dropped (a label of <c>chezlepro_ingest_rejected_total</c>).</summary>
public enum RejectCause
{
    /// <summary>Not a topic of contract.md.</summary>
    Topic,
    /// <summary>Larger than <c>Collector:MaxPayloadBytes</c>.</summary>
    Oversized,
    /// <summary>Not valid UTF-8 JSON.</summary>
    Json,
    /// <summary>Valid JSON but not the contract's shape (schema version, required fields, values).</summary>
    Schema,
    /// <summary>Payload site/node/source/check differs from the topic's.</summary>
    Identity,
}
