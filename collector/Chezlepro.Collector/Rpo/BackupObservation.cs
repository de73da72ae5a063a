using System.Globalization;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Availability;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Rpo;

/// <summary>
/// One result of a <c>pbs.backup.&lt;type&gt;-&lt;id&gt;</c> check: when it was observed and the guest's last good
/// backup it reported (<c>details.lastBackupAt</c>, contract.md), null when absent or unreadable.
/// </summary>
public sealed record BackupObservation(CheckKey Check, DateTimeOffset ObservedAt, HealthStatus Status, DateTimeOffset? LastBackupAt)
{
    /// <summary>Reads an observation from a health result; a missing or malformed <c>lastBackupAt</c> gives null, never an exception.</summary>
    public static BackupObservation FromResult(HealthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new BackupObservation(new CheckKey(result.Site, result.Node, result.Check), result.Ts, result.Status, ReadLastBackupAt(result.Details));
    }

    /// <summary>Parses <c>lastBackupAt</c> (RFC 3339) from check details.</summary>
    public static DateTimeOffset? ReadLastBackupAt(JsonObject? details)
    {
        if (details is null || !details.TryGetPropertyValue("lastBackupAt", out var node) || node is not JsonValue value) return null;
        if (!value.TryGetValue<string>(out var text) || text.Length > 64) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }
}
