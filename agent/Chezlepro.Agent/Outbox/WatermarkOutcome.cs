namespace Chezlepro.Agent.Outbox;

/// <summary>What <see cref="IOutbox.AcknowledgeAsync"/> made of a watermark.</summary>
public enum WatermarkOutcome
{
    /// <summary>The watermark moved forward; the rows it covers are gone.</summary>
    Advanced = 1,
    /// <summary>At or below the watermark already held (a retained or slower collector's copy): nothing changed.</summary>
    Stale = 2,
    /// <summary>Beyond the highest seq this outbox ever assigned: a wrong or foreign collector; ignored.</summary>
    BeyondAssigned = 3,
    /// <summary>
    /// Beyond the highest seq assigned, on a fresh outbox (created empty, never acknowledged): the node's watermark from
    /// before its outbox file was lost. The outbox renumbered its rows from <c>through + 1</c> and holds that watermark.
    /// </summary>
    Adopted = 4,
}
