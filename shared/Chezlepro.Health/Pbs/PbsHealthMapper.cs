using System.Globalization;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Pbs.Replies;

namespace Chezlepro.Health.Pbs;

/// <summary>
/// Pure mapping of a <see cref="PbsPoll"/> to <c>pbs.datastore.&lt;store&gt;</c> and <c>pbs.backup.&lt;type&gt;-&lt;id&gt;</c>
/// plus telemetry. Rules: reference §4 (pbs-exporter), §5.13–15, §6; README of the source.
/// </summary>
internal static partial class PbsHealthMapper
{
    public static string DatastoreCheck(string store) => "pbs.datastore." + store;

    public static string BackupCheck(string type, string id) => $"pbs.backup.{type}-{id}";

    public static HealthReport Map(PbsPoll poll, PbsThresholds t)
    {
        var report = new HealthReport();
        var failed = (poll.FailedTasks.Value ?? []).Where(task => task.IsFailure).ToList();
        report.Samples.Add(new Sample("pbs.tasks.failed", failed.Count));
        foreach (var usage in (poll.Usage.Value ?? []).Where(u => !string.IsNullOrEmpty(u.Store)))
            report.Checks.Add(MapDatastore(poll, usage, failed, t, report));
        foreach (var store in poll.ExpectedStores.Where(e => poll.Usage.Value?.Exists(u => u.Store == e) != true))
            report.Checks.Add(HealthText.Labelled(store, HealthText.Of(
                    $"absent de /status/datastore-usage (retiré, renommé, ou le jeton ne peut pas l’auditer)",
                    $"not listed by /status/datastore-usage (removed, renamed, or the token cannot audit it)"))
                .Result(DatastoreCheck(store), HealthStatus.Unknown));
        MapBackups(poll, failed, t, report);
        return report;
    }

    /// <summary>Every known check unknown: nothing could be read.</summary>
    public static HealthReport Unknown(string reason, IEnumerable<string> knownChecks)
    {
        var report = new HealthReport();
        foreach (var check in knownChecks)
            report.Checks.Add(HealthText.Of($"PBS illisible{HealthText.NoBreakSpace}: {reason}", $"{reason}").Result(check, HealthStatus.Unknown));
        return report;
    }

    internal static string Epoch(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>Store a failed task belongs to: <c>worker_id</c> is <c>store</c> or <c>store:…</c>.</summary>
    internal static string TaskStore(PbsTask task) => task.DecodedWorkerId.Split(':')[0];

    private static CheckResult MapDatastore(PbsPoll poll, PbsDatastoreUsage u, List<PbsTask> failed, PbsThresholds t, HealthReport report)
    {
        var store = u.Store!;
        var check = DatastoreCheck(store);
        var details = new JsonObject
        {
            ["total"] = u.Total, ["used"] = u.Used, ["avail"] = u.Avail,
            ["mountStatus"] = u.MountStatus, ["backendType"] = u.BackendType,
        };
        if (!string.IsNullOrWhiteSpace(u.Error))
            return HealthText.Labelled(store, HealthText.Same(Http.ApiErrors.Clean(u.Error))).Result(check, HealthStatus.Critical, details);
        if (u.MountStatus == "notmounted")
            return HealthText.Labelled(store, HealthText.Of($"magasin amovible non monté", $"removable datastore not mounted"))
                .Result(check, HealthStatus.Critical, details);
        if (u.Total is not > 0 || u.Used is not { } used)
            return HealthText.Labelled(store, HealthText.Of($"aucun chiffre d’utilisation (jeton sans Datastore.Audit{HealthText.NoBreakSpace}?)",
                $"no usage figures (token lacks Datastore.Audit?)")).Result(check, HealthStatus.Unknown, details);

        var fraction = (double)used / u.Total.Value;
        details["usedFraction"] = Math.Round(fraction, 4);
        report.Samples.Add(new Sample($"pbs.datastore.{store}.used", Math.Round(fraction * 100, 2), "%"));
        report.Samples.Add(new Sample($"pbs.datastore.{store}.avail", u.Avail ?? u.Total.Value - used, "B"));
        var warnings = new List<HealthText>();
        var status = HealthStatus.Ok;
        if (fraction >= t.DatastoreCritical)
        {
            status = HealthStatus.Critical;
            warnings.Add(Full(fraction));
        }
        else if (fraction >= t.DatastoreWarning)
        {
            warnings.Add(Full(fraction));
        }
        // 0 means "not growing"; a past date means flat or shrinking; absent with < 7 points (reference §5.15).
        if (u.EstimatedFullDate is > 0 and var full)
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(full);
            details["estimatedFullAt"] = Epoch(full);
            if (at > poll.Now && at - poll.Now < t.FullWithin)
                warnings.Add(HealthText.Of($"plein estimé dans {(at - poll.Now).TotalDays:0.#} jours ({at:yyyy-MM-dd})",
                    $"estimated full in {(at - poll.Now).TotalDays:0.#} days ({at:yyyy-MM-dd})"));
        }
        MapGc(poll, store, u.GcStatus, details, warnings);
        var storeFailures = failed.Where(task => task.WorkerType != "backup" && TaskStore(task) == store).ToList();
        if (storeFailures.Count > 0)
        {
            details["failedTasks"] = new JsonArray([.. storeFailures.Select(TaskJson)]);
            var types = string.Join(", ", storeFailures.Select(f => f.WorkerType).Distinct());
            warnings.Add(HealthText.Of($"{storeFailures.Count} tâche(s) en échec{HealthText.NoBreakSpace}: {types}", $"{storeFailures.Count} failed task(s): {types}"));
        }
        if (warnings.Count > 0 && status == HealthStatus.Ok)
            status = HealthStatus.Warning;
        return warnings.Count > 0
            ? HealthText.Labelled(store, HealthText.Join(warnings)).Result(check, status, details)
            : HealthText.Labelled(store, HealthText.Of($"{fraction * 100:0.#}{HealthText.NoBreakSpace}% utilisé", $"{fraction * 100:0.#}% used"))
                .Result(check, status, details);
    }

    private static HealthText Full(double fraction) =>
        HealthText.Of($"rempli à {fraction * 100:0.#}{HealthText.NoBreakSpace}%", $"{fraction * 100:0.#}% full");

    private static void MapGc(PbsPoll poll, string store, PbsGcStatus? usageGc, JsonObject details, List<HealthText> warnings)
    {
        if (usageGc?.PendingBytes is { } pending)
            details["gcPendingBytes"] = pending;
        var job = poll.GcJobs.Value?.Find(g => g.Store == store);
        if (job is null)
            return;
        details["gcLastState"] = job.LastRunState;
        if (job.LastRunEndTime is > 0)
            details["gcLastRunAt"] = Epoch(job.LastRunEndTime.Value);
        if (job.LastRunState is { Length: > 0 } state && state != "OK" && !state.StartsWith("WARNINGS", StringComparison.Ordinal))
            warnings.Add(HealthText.Of($"le dernier ramasse-miettes a échoué{HealthText.NoBreakSpace}: {Http.ApiErrors.Clean(state)}",
                $"last garbage collection failed: {Http.ApiErrors.Clean(state)}"));
    }

    internal static JsonObject TaskJson(PbsTask task) => new()
    {
        ["type"] = task.WorkerType, ["id"] = task.DecodedWorkerId, ["status"] = Http.ApiErrors.Clean(task.Status),
        ["endedAt"] = task.EndTime is { } e ? Epoch(e) : null,
    };
}
