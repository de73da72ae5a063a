using Chezlepro.Collector.Storage.Formats;

namespace Chezlepro.Collector.Failover;

/// <summary>
/// Between the API's <see cref="FailoverRecord"/> and the audit log's stored format: the only place that knows both,
/// so an API field can change without touching what the log holds.
/// </summary>
internal static class FailoverRecordMapping
{
    /// <summary>The record as the audit log stores it.</summary>
    public static StoredFailoverRecord ToStored(this FailoverRecord record)
    {
        var e = record.Evidence;
        return new StoredFailoverRecord(record.Decision, new StoredFailoverEvidenceV1
        {
            Trigger = e.Trigger, ConditionSince = e.ConditionSince, ObservedAt = e.ObservedAt, PrimaryReachable = e.PrimaryReachable,
            PrimaryChecksCritical = e.PrimaryChecksCritical, PrimaryOnBattery = e.PrimaryOnBattery, PrimaryRuntimeSeconds = e.PrimaryRuntimeSeconds,
            SecondaryHealthy = e.SecondaryHealthy, WitnessHolds = e.WitnessHolds, WitnessSince = e.WitnessSince, Facts = e.Facts,
        });
    }

    /// <summary>A stored row as the engines and the API see it.</summary>
    public static FailoverRecord ToRecord(this StoredFailoverRecord stored)
    {
        var e = stored.Evidence;
        return new FailoverRecord(stored.Decision, new FailoverEvidence(e.Trigger, e.ConditionSince, e.ObservedAt, e.PrimaryReachable,
            e.PrimaryChecksCritical, e.PrimaryOnBattery, e.PrimaryRuntimeSeconds, e.SecondaryHealthy, e.WitnessHolds, e.WitnessSince, e.Facts));
    }

    /// <summary>Where a group resumes: the highest epoch written and the last decision consumers apply.</summary>
    public static (long Epoch, FailoverRecord? Applied) ResumePoint(
        this IReadOnlyDictionary<string, (long Epoch, StoredFailoverRecord? LastApplied)> points, string group) =>
        points.TryGetValue(group, out var p) ? (p.Epoch, p.LastApplied?.ToRecord()) : (0L, null);
}
