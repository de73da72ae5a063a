namespace Chezlepro.Collector.Catalog;

/// <summary>A protected guest of Catalog:Guests; its backups are reported by the check <c>pbs.backup.&lt;Id&gt;</c>.</summary>
public sealed class GuestDefinition
{
    /// <summary>Guest id as PBS names it, <c>&lt;type&gt;-&lt;vmid&gt;</c> (e.g. <c>vm-101</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The service whose category sets the RPO, unless <see cref="Rpo"/> does.</summary>
    public string Service { get; set; } = "";

    /// <summary>
    /// The guest's own RPO target (e.g. <c>"00:30:00"</c>), positive; null takes the category's (critical 1 h,
    /// important 4 h, non-critical 8 h). For a guest whose client bought a tighter (or looser) objective than its
    /// service's category.
    /// </summary>
    public TimeSpan? Rpo { get; set; }

    /// <summary>The check name carrying the guest's last good backup.</summary>
    public string BackupCheck => "pbs.backup." + Id;
}
