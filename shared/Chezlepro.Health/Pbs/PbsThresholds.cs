namespace Chezlepro.Health.Pbs;

/// <summary>Thresholds of the PBS checks. Defaults follow natrontech/pbs-exporter's example rules (reference §4).</summary>
public sealed class PbsThresholds
{
    /// <summary>Age of the last good snapshot past which <c>pbs.backup.*</c> warns. Default 26 h (a daily job plus slack).</summary>
    public TimeSpan BackupWarningAge { get; init; } = TimeSpan.FromHours(26);

    /// <summary>Age of the last good snapshot past which <c>pbs.backup.*</c> is critical. Default 48 h (pbs-exporter: 2 days).</summary>
    public TimeSpan BackupCriticalAge { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Datastore used fraction at or above which it warns. Default 0.90.</summary>
    public double DatastoreWarning { get; init; } = 0.90;

    /// <summary>Datastore used fraction at or above which it is critical (backups about to fail). Default 0.97.</summary>
    public double DatastoreCritical { get; init; } = 0.97;

    /// <summary>Warn when the estimated full date is closer than this. Default 14 days.</summary>
    public TimeSpan FullWithin { get; init; } = TimeSpan.FromDays(14);
}
