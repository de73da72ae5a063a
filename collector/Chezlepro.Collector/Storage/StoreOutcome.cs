namespace Chezlepro.Collector.Storage;

/// <summary>What storing one <see cref="IngestItem"/> did.</summary>
public enum StoreOutcome
{
    /// <summary>A new message, stored.</summary>
    Inserted,
    /// <summary>(site, node, seq) was already stored.</summary>
    Duplicate,
    /// <summary>A status that changed or confirmed the node's state.</summary>
    StatusApplied,
    /// <summary>A status from an older session, ignored.</summary>
    StatusStale,
    /// <summary>A rejected message's seq, recorded as received so it does not hold the node's watermark (<see cref="RejectedSeq"/>).</summary>
    RejectRecorded,
}
