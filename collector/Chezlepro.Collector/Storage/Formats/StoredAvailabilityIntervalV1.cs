namespace Chezlepro.Collector.Storage.Formats;

/// <summary>A span that cost availability, in a <see cref="StoredServiceAvailabilityV1"/>.</summary>
public sealed record StoredAvailabilityIntervalV1
{
    /// <summary>Start.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary><c>Up</c>, <c>Down</c>, <c>Unknown</c> or <c>Excluded</c>: this format's words, whatever the engine's enum is called.</summary>
    public required string State { get; init; }

    /// <summary>The checks behind the span.</summary>
    public required IReadOnlyList<StoredCheckKeyV1> Causes { get; init; }

    /// <summary>Length in seconds, for readers of the database (it follows from the bounds).</summary>
    public double Seconds { get; init; }
}
