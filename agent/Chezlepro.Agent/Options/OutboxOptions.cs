namespace Chezlepro.Agent.Options;

/// <summary>The <c>Outbox</c> section: how much the node keeps while the WAN is down.</summary>
public sealed class OutboxOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Outbox";

    /// <summary>
    /// Payload bytes kept at most, sent or not; past it the oldest telemetry is evicted, then health results and alerts,
    /// gaps notices last (Outbox/README.md).
    /// </summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Age past which any row no watermark has covered is evicted (and declared in a gaps notice).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows read from the outbox per drain batch.</summary>
    public int BatchSize { get; set; } = 256;
}
