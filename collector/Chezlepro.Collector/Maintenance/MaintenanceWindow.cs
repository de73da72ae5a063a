namespace Chezlepro.Collector.Maintenance;

/// <summary>
/// An announced maintenance window. Only its announced part is excluded from availability: from
/// <see cref="ExclusionStart"/> (the later of <see cref="Start"/> and <see cref="CreatedAt"/>, so a window cannot
/// excuse an outage retroactively) to <see cref="EffectiveEnd"/> (the end, or the early end).
/// </summary>
public sealed record MaintenanceWindow(
    string Id,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Services,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedEarlyAt)
{
    /// <summary>Where the exclusion starts.</summary>
    public DateTimeOffset ExclusionStart => CreatedAt > Start ? CreatedAt : Start;

    /// <summary>Where the window really ends.</summary>
    public DateTimeOffset EffectiveEnd => EndedEarlyAt is { } e && e < End ? (e < Start ? Start : e) : End;

    /// <summary>Whether the window concerns a service.</summary>
    public bool Covers(string serviceId) => Services.Contains(serviceId, StringComparer.Ordinal);

    /// <summary>The window's phase at an instant.</summary>
    public MaintenancePhase PhaseAt(DateTimeOffset now) =>
        now < Start ? MaintenancePhase.Announced : now < EffectiveEnd ? MaintenancePhase.InProgress : MaintenancePhase.Ended;
}
