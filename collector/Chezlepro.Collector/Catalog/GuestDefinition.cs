namespace Chezlepro.Collector.Catalog;

/// <summary>A protected guest of Catalog:Guests; its backups are reported by the check <c>pbs.backup.&lt;Id&gt;</c>.</summary>
public sealed class GuestDefinition
{
    /// <summary>Guest id as PBS names it, <c>&lt;type&gt;-&lt;vmid&gt;</c> (e.g. <c>vm-101</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The service whose category sets the RPO.</summary>
    public string Service { get; set; } = "";

    /// <summary>The check name carrying the guest's last good backup.</summary>
    public string BackupCheck => "pbs.backup." + Id;
}
