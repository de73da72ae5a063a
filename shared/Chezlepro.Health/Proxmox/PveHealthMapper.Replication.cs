using System.Globalization;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Proxmox.Replies;

namespace Chezlepro.Health.Proxmox;

/// <summary>
/// <c>proxmox.replication</c>: one check over every storage replication job of the cluster, from
/// <c>GET /nodes/{node}/replication</c> of each online node (a node lists only the jobs of the guests it runs,
/// reference §1.3). Per job: the age of the last successful sync (the RPO input, <c>now - last_sync</c>) and
/// <c>fail_count</c>. Pure: the snapshot in, the check out.
/// </summary>
internal static partial class PveHealthMapper
{
    public const string ReplicationCheck = "proxmox.replication";

    /// <summary>The check, or null when replication was not read (<c>ReadReplication=false</c>).</summary>
    public static CheckResult? MapReplicationCheck(PveSnapshot s, PveThresholds t)
    {
        if (s.Replication.Count == 0)
            return null;
        var unread = s.Replication.Where(r => r.Value.Value is null).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var jobs = new JsonArray();
        var worst = HealthStatus.Ok;
        var problems = new List<HealthText>();
        var count = 0;
        foreach (var (node, job) in s.Replication.Where(r => r.Value.Value is not null).OrderBy(r => r.Key, StringComparer.Ordinal)
                     .SelectMany(r => r.Value.Value!.Select(j => (r.Key, j))).OrderBy(x => x.j.Id, StringComparer.Ordinal))
        {
            if (job.Id is null || job.Disable == true)
                continue;
            count++;
            var (status, problem, lag) = Judge(job, s.Now, t);
            worst = Worse(worst, status);
            if (problem is not null)
                problems.Add(HealthText.Of($"{job.Id} vers {job.Target ?? "?"} ", $"{job.Id} to {job.Target ?? "?"} ").Append(problem.Value));
            jobs.Add((JsonNode)new JsonObject
            {
                ["id"] = job.Id, ["node"] = node, ["target"] = job.Target, ["status"] = status.ToString().ToLowerInvariant(),
                ["lagSeconds"] = lag, ["failCount"] = job.FailCount ?? 0,
                ["lastSyncAt"] = job.LastSync is > 0 ? DateTimeOffset.FromUnixTimeSeconds(job.LastSync.Value).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : null,
                ["error"] = job.FailCount is > 0 ? Http.ApiErrors.Clean(job.Error) : null,
            });
        }
        var details = new JsonObject { ["jobs"] = jobs };
        if (unread.Count > 0)
        {
            details["unread"] = new JsonObject(unread.Select(u => KeyValuePair.Create(u.Key, (JsonNode?)Reason(u.Value.Error, "not read"))));
            // Jobs of a node not read could be failing: never "ok" then, but a problem seen elsewhere still shows.
            var nodes = string.Join(", ", unread.Select(u => u.Key));
            var why = Reason(unread[0].Value.Error, HealthText.Of($"non lue", $"not read"));
            return worst == HealthStatus.Ok
                ? HealthText.Of($"réplication de {nodes} non lue{HealthText.NoBreakSpace}: ", $"replication of {nodes} not read: ").Append(why)
                    .Result(ReplicationCheck, HealthStatus.Unknown, details)
                : HealthText.Join(problems).Append(HealthText.Of($" (non lu{HealthText.NoBreakSpace}: {nodes})", $" (not read: {nodes})"))
                    .Result(ReplicationCheck, worst, details);
        }
        if (worst != HealthStatus.Ok)
            return HealthText.Join(problems).Result(ReplicationCheck, worst, details);
        return (count == 0
                ? HealthText.Of($"aucune tâche de réplication", $"no replication jobs")
                : HealthText.Of($"{count} tâche(s) de réplication à jour", $"{count} replication job(s) in sync"))
            .Result(ReplicationCheck, HealthStatus.Ok, details);
    }

    /// <summary>One job: its status, what is wrong in a few words (null when fine), and the age of its last sync.</summary>
    internal static (HealthStatus Status, HealthText? Problem, long? LagSeconds) Judge(PveReplicationJob job, DateTimeOffset now, PveThresholds t)
    {
        // A clock ahead on the node reads as a sync in the future: no lag, not a negative one.
        long? lag = job.LastSync is > 0 ? Math.Max(0, (long)(now - DateTimeOffset.FromUnixTimeSeconds(job.LastSync.Value)).TotalSeconds) : null;
        var failures = Math.Max(0, job.FailCount ?? 0);
        var status = HealthStatus.Ok;
        var parts = new List<HealthText>();
        if (failures >= t.ReplicationFailuresCritical) status = HealthStatus.Critical;
        else if (failures >= t.ReplicationFailuresWarning) status = HealthStatus.Warning;
        if (failures > 0)
            parts.Add(HealthText.Of($"en échec ({failures}{HealthText.NoBreakSpace}fois{HealthText.NoBreakSpace}: {Http.ApiErrors.Clean(job.Error)})",
                $"failing ({failures}x: {Http.ApiErrors.Clean(job.Error)})"));
        if (lag is { } l)
        {
            var age = TimeSpan.FromSeconds(l);
            if (age >= t.ReplicationLagCritical) status = HealthStatus.Critical;
            else if (age >= t.ReplicationLagWarning) status = Worse(status, HealthStatus.Warning);
            if (age >= t.ReplicationLagWarning)
            {
                var ago = Age(age);
                parts.Add(HealthText.Of($"dernière synchro il y a {ago.Fr}", $"last sync {ago.En} ago"));
            }
        }
        else
        {
            // last_sync 0: the job never completed a sync, so there is no copy to fail over to.
            status = Worse(status, HealthStatus.Warning);
            parts.Add(HealthText.Of($"jamais synchronisée", $"never synced"));
        }
        return (status, parts.Count == 0 ? null : JoinComma(parts), lag);
    }

    private static HealthStatus Worse(HealthStatus a, HealthStatus b) => Rank(b) > Rank(a) ? b : a;

    private static int Rank(HealthStatus s) => s switch
    {
        HealthStatus.Critical => 3,
        HealthStatus.Warning => 2,
        HealthStatus.Unknown => 1,
        _ => 0,
    };

    private static HealthText Age(TimeSpan age) => age.TotalHours >= 1
        ? HealthText.Of($"{(int)age.TotalHours}{HealthText.NoBreakSpace}h {age.Minutes}{HealthText.NoBreakSpace}min", $"{(int)age.TotalHours} h {age.Minutes} min")
        : HealthText.Of($"{(int)age.TotalMinutes}{HealthText.NoBreakSpace}min", $"{(int)age.TotalMinutes} min");
}
