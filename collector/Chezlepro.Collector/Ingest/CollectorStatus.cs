namespace Chezlepro.Collector.Ingest;

/// <summary>Birth and will of the collector on <c>&lt;root&gt;/v1/collector/&lt;id&gt;/status</c>.</summary>
public sealed record CollectorStatus(bool Online, DateTimeOffset Ts)
{
    /// <summary>Payload schema version.</summary>
    public int Schema { get; init; } = Contracts.Messages.SchemaVersion.Current;
}
