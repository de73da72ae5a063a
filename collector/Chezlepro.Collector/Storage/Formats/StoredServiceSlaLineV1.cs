namespace Chezlepro.Collector.Storage.Formats;

/// <summary>One service of a <see cref="StoredContractSlaV1"/>.</summary>
public sealed record StoredServiceSlaLineV1
{
    /// <summary>Service id.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Service name as clients read it.</summary>
    public required string Name { get; init; }

    /// <summary>Category as configured.</summary>
    public required string Category { get; init; }

    /// <summary>The measured availability.</summary>
    public required StoredServiceAvailabilityV1 Availability { get; init; }

    /// <summary>Relative URL of the month's timeline; absent in reports frozen before it existed.</summary>
    public string? TimelineUrl { get; init; }
}
