using System.Globalization;

namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>What the NOC ids say beyond their fields, as Alertmanager labels.</summary>
public static class AlertmanagerLabels
{
    private static readonly string[] IncidentKinds = ["incident-ack-due", "incident-ack-overdue", "client-notice-due", "incident-update-due"];

    /// <summary>
    /// The catalog service of an incident alert (<c>&lt;kind&gt;:&lt;service&gt;-yyyyMMddTHHmmssZ</c>, Noc/README.md), or
    /// null for every other id: the service is what an Alertmanager route groups client-facing alerts by.
    /// </summary>
    /// <param name="id">A NOC alert id.</param>
    public static string? ServiceOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parts = id.Split(':', 2);
        if (parts.Length != 2 || !IncidentKinds.Contains(parts[0], StringComparer.Ordinal)) return null;
        var dash = parts[1].LastIndexOf('-');
        if (dash <= 0) return null;
        return DateTime.TryParseExact(parts[1][(dash + 1)..], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? parts[1][..dash]
            : null;
    }
}
