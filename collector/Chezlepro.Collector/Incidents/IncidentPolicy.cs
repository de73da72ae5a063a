using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Incidents;

/// <summary>
/// Section <c>Incidents</c>: debounce and targets. Defaults are service-levels.md's table. Restore targets of P2/P3
/// count business time: 1 business day = 8 business hours (9:00–17:00), so <see cref="P2"/>.Restore is 08:00:00.
/// </summary>
public sealed class IncidentPolicy
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Incidents";

    /// <summary>A service must be down at least this long to open an incident (default 60 s).</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A service must be up at least this long to restore an incident (default 60 s); a shorter return to up is a flap
    /// inside the same incident, never a new one.
    /// </summary>
    public TimeSpan RestoreDebounce { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>P1: ack 30 min 24/7, restore 4 h, client notice 30 min, updates hourly.</summary>
    public PriorityTargets P1 { get; set; } = new()
    {
        Acknowledge = TimeSpan.FromMinutes(30), Restore = TimeSpan.FromHours(4), BusinessHours = false,
        ClientNotice = TimeSpan.FromMinutes(30), UpdateEvery = TimeSpan.FromHours(1),
    };

    /// <summary>P2: ack 2 business hours, restore 1 business day, daily updates.</summary>
    public PriorityTargets P2 { get; set; } = new()
    {
        Acknowledge = TimeSpan.FromHours(2), Restore = TimeSpan.FromHours(8), BusinessHours = true, UpdateEvery = TimeSpan.FromDays(1),
    };

    /// <summary>P3: ack 8 business hours, restore 3 business days.</summary>
    public PriorityTargets P3 { get; set; } = new()
    {
        Acknowledge = TimeSpan.FromHours(8), Restore = TimeSpan.FromHours(24), BusinessHours = true,
    };

    /// <summary>The targets of a priority.</summary>
    public PriorityTargets For(Priority priority) => priority switch
    {
        Priority.P1 => P1,
        Priority.P2 => P2,
        _ => P3,
    };
}
