namespace Chezlepro.Agent.Options;

/// <summary>The <c>Forwarding</c> section: how the agent waits for the collector's delivery watermark.</summary>
public sealed class ForwardingOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Forwarding";

    /// <summary>Shortest accepted <see cref="AckTimeout"/>: below it a healthy collector's batching looks like a loss.</summary>
    public static readonly TimeSpan MinAckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long sent rows may wait without the watermark moving before everything unacknowledged is sent again from
    /// <c>through + 1</c> (contract.md, delivery watermark).
    /// </summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
