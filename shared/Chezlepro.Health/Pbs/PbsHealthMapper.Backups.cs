using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Pbs.Replies;

namespace Chezlepro.Health.Pbs;

internal static partial class PbsHealthMapper
{
    private sealed class Group
    {
        public List<(string Store, string Ns, PbsSnapshot Snapshot)> Items { get; } = [];
    }

    private static void MapBackups(PbsPoll poll, List<PbsTask> failed, PbsThresholds t, HealthReport report)
    {
        var groups = new SortedDictionary<string, Group>(StringComparer.Ordinal);
        var unreadStores = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (store, ns, fetch) in poll.Snapshots)
        {
            if (fetch.Error is { } error)
            {
                unreadStores.TryAdd(store, error.Message);
                continue;
            }
            foreach (var snap in fetch.Value ?? [])
            {
                if (string.IsNullOrEmpty(snap.BackupType) || string.IsNullOrEmpty(snap.BackupId) || snap.BackupTime is null)
                    continue;
                var check = BackupCheck(snap.BackupType, snap.BackupId);
                if (!groups.TryGetValue(check, out var group))
                    groups[check] = group = new Group();
                group.Items.Add((store, ns, snap));
            }
        }
        foreach (var (check, group) in groups)
            report.Checks.Add(MapGroup(poll, check, group, failed, t, report));
        // A group seen before but absent now: pruned away, or its namespace could not be read.
        foreach (var (check, store) in poll.KnownBackups)
        {
            if (groups.ContainsKey(check))
                continue;
            var why = unreadStores.TryGetValue(store, out var error)
                ? HealthText.Of($"{store} illisible{HealthText.NoBreakSpace}: {error}", $"{error}")
                : HealthText.Of($"plus aucun instantané de ce groupe sur {store}", $"no snapshot of this group listed on {store} any more");
            report.Checks.Add(why.Result(check, HealthStatus.Unknown, new JsonObject { ["store"] = store }));
        }
    }

    private static CheckResult MapGroup(PbsPoll poll, string check, Group group, List<PbsTask> failed, PbsThresholds t, HealthReport report)
    {
        var finished = group.Items.Where(i => i.Snapshot.IsFinished).OrderByDescending(i => i.Snapshot.BackupTime).ToList();
        // Last good: finished and not failed verification; never verified is not a failure (reference §5.14).
        var good = finished.Where(i => i.Snapshot.Verification?.State != "failed").ToList();
        var newestFinished = finished.FirstOrDefault();
        var running = group.Items.Any(i => !i.Snapshot.IsFinished);
        var details = new JsonObject
        {
            ["store"] = group.Items[0].Store,
            ["snapshots"] = finished.Count,
            ["running"] = running,
            ["namespaces"] = new JsonArray([.. group.Items.Select(i => $"{i.Store}:{i.Ns}").Distinct().Select(s => (JsonNode)s!)]),
        };
        var label = check["pbs.backup.".Length..];
        var notes = new List<HealthText>();
        if (running)
            notes.Add(HealthText.Of($"une sauvegarde est en cours (non comptée)", $"a backup is running (not counted)"));
        var newestVerification = newestFinished.Snapshot?.Verification?.State ?? "none";
        details["verification"] = newestFinished.Snapshot is null ? null : newestVerification;
        MapVerification(finished, details);
        // A failed verification of the newest snapshot warns rather than goes critical: its chunks are damaged, so
        // the newest restore point cannot be trusted, yet an older good one may still exist (age decides below).
        var verificationFailed = newestVerification == "failed";
        if (verificationFailed)
        {
            var at = Epoch(newestFinished.Snapshot!.BackupTime!.Value);
            notes.Add(HealthText.Of($"la vérification de l’instantané le plus récent ({at}) a ÉCHOUÉ", $"newest snapshot ({at}) FAILED verification"));
        }
        var taskFailures = failed.Where(task => task.WorkerType == "backup"
            && task.DecodedWorkerId.EndsWith($":{group.Items[0].Snapshot.BackupType}/{group.Items[0].Snapshot.BackupId}", StringComparison.Ordinal)).ToList();
        if (taskFailures.Count > 0)
        {
            details["failedTasks"] = new JsonArray([.. taskFailures.Select(TaskJson)]);
            var status = Http.ApiErrors.Clean(taskFailures[^1].Status);
            notes.Add(HealthText.Of($"tâche de sauvegarde en échec{HealthText.NoBreakSpace}: {status}", $"backup task failed: {status}"));
        }
        var suffix = notes.Count > 0 ? HealthText.Join([HealthText.Same(""), .. notes]) : HealthText.Same("");
        if (good.Count == 0)
        {
            details["lastBackupAt"] = null;
            return HealthText.Labelled(label, HealthText.Of($"aucune sauvegarde valide", $"no good backup").Append(suffix))
                .Result(check, HealthStatus.Critical, details);
        }
        var last = good[0];
        var lastAt = DateTimeOffset.FromUnixTimeSeconds(last.Snapshot.BackupTime!.Value);
        var age = poll.Now - lastAt;
        details["lastBackupAt"] = Epoch(last.Snapshot.BackupTime!.Value);
        details["lastBackupVerification"] = last.Snapshot.Verification?.State ?? "none";
        details["ageSeconds"] = (long)age.TotalSeconds;
        details["store"] = last.Store;
        details["namespace"] = last.Ns;
        report.Samples.Add(new Sample($"backup.{label}.age", (long)age.TotalSeconds, "s"));
        var health = age > t.BackupCriticalAge ? HealthStatus.Critical
            : age > t.BackupWarningAge || verificationFailed || taskFailures.Count > 0 ? HealthStatus.Warning
            : HealthStatus.Ok;
        var ago = FormatAge(age);
        return HealthText.Labelled(label, HealthText.Of($"dernière sauvegarde valide il y a {ago.Fr}", $"last good backup {ago.En} ago").Append(suffix))
            .Result(check, health, details);
    }

    private static HealthText FormatAge(TimeSpan age) =>
        age.TotalHours >= 48 ? HealthText.Of($"{age.TotalDays:0.#}{HealthText.NoBreakSpace}jours", $"{age.TotalDays:0.#} days")
        : age.TotalMinutes >= 90 ? HealthText.Of($"{age.TotalHours:0.#}{HealthText.NoBreakSpace}h", $"{age.TotalHours:0.#} h")
        : HealthText.Of($"{Math.Max(0, age.TotalMinutes):0}{HealthText.NoBreakSpace}min", $"{Math.Max(0, age.TotalMinutes):0} min");
}
