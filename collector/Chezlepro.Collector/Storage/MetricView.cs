namespace Chezlepro.Collector.Storage;

/// <summary>The latest value of one metric of a node.</summary>
public sealed record MetricView(string Metric, double Value, string? Unit, string Source, DateTimeOffset Ts);
