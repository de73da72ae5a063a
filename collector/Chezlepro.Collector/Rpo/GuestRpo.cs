namespace Chezlepro.Collector.Rpo;

/// <summary>RPO of one protected guest: now, and over a month.</summary>
public sealed record GuestRpo
{
    /// <summary>Guest id.</summary>
    public required string GuestId { get; init; }

    /// <summary>The guest's service (its category sets the target unless the guest has its own).</summary>
    public required string ServiceId { get; init; }

    /// <summary>Category as configured.</summary>
    public required string Category { get; init; }

    /// <summary>The RPO target: the guest's own (Catalog:Guests:N:Rpo) when configured, else its category's.</summary>
    public required TimeSpan Target { get; init; }

    /// <summary>Last good backup known at <c>now</c>, or null.</summary>
    public DateTimeOffset? LastGoodBackupAt { get; init; }

    /// <summary>Age of that backup at <c>now</c>, or null.</summary>
    public TimeSpan? Age { get; init; }

    /// <summary>Target in seconds (for JSON consumers).</summary>
    public double TargetSeconds => Target.TotalSeconds;

    /// <summary>Age in seconds, or null.</summary>
    public double? AgeSeconds => Age?.TotalSeconds;

    /// <summary>Status at <c>now</c>.</summary>
    public required RpoStatus Status { get; init; }

    /// <summary>The spans of the month (up to now) when the RPO was not met.</summary>
    public required IReadOnlyList<RpoBreach> Breaches { get; init; }
}
