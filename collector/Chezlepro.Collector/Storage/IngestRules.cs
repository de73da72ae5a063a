using Chezlepro.Collector.Rpo;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage;

/// <summary>Storage rules both stores apply the same way.</summary>
internal static class IngestRules
{
    /// <summary>Within a batch only the newest value of each metric can become "latest": one upsert per metric.</summary>
    public static void KeepNewest(Dictionary<(string, string, string), (Sample, string, DateTimeOffset)> latest, TelemetryBatch batch)
    {
        foreach (var s in batch.Samples)
        {
            var key = (batch.Site, batch.Node, s.Metric);
            if (!latest.TryGetValue(key, out var seen) || seen.Item3 <= batch.Ts) latest[key] = (s, batch.Source, batch.Ts);
        }
    }

    /// <summary>The backup a <c>pbs.backup.*</c> result reports (details.lastBackupAt), kept as an RPO point.</summary>
    public static DateTimeOffset? BackupPointOf(HealthResult result) =>
        result.Check.StartsWith("pbs.backup.", StringComparison.Ordinal) ? BackupObservation.ReadLastBackupAt(result.Details) : null;
}
