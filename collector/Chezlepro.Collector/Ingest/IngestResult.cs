namespace Chezlepro.Collector.Ingest;

/// <summary>What happened to one incoming message.</summary>
public enum IngestResult
{
    /// <summary>Stored.</summary>
    Accepted,
    /// <summary>Already stored (same site, node, seq): QoS 1 redelivery or replay.</summary>
    Duplicate,
    /// <summary>A status from an older session, ignored.</summary>
    StaleStatus,
    /// <summary>Dropped; see <see cref="RejectCause"/>.</summary>
    Rejected,
    /// <summary>A topic the collector does not ingest (its own, failover, NOC).</summary>
    Ignored,
}
