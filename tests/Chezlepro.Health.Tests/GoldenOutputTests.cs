using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Health.Ceph;
using Chezlepro.Health.Pbs;
using Chezlepro.Health.Pbs.Replies;
using Chezlepro.Health.Proxmox;
using Chezlepro.Health.Proxmox.Replies;
using Chezlepro.Health.Tests.Support;

namespace Chezlepro.Health.Tests;

/// <summary>
/// The whole mapped output (every check, status, summary, details, and every sample) of each fixture
/// scenario, compared with testdata/golden/*.json. Set CHEZLEPRO_REGENERATE_GOLDEN=1 to rewrite them after a
/// deliberate change, then review the diff.
/// </summary>
public class GoldenOutputTests
{
    public static TheoryData<string> Scenarios => new()
    {
        "pve8-healthy", "pve8-replication-failing", "pve8-node-down", "pve8-no-quorum", "pve8-ha-error", "pve9-standalone-busy",
        "pve9-replication", "pbs3-namespaces-tasks", "pbs4-stores", "ceph-reef-warn", "ceph-quincy-ok", "ceph-err-inactive",
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Map_Scenario_MatchesGoldenFile(string scenario)
    {
        var actual = Render(Build(scenario));
        var path = Path.Combine(SourceDirectory(), "testdata", "golden", scenario + ".json");
        if (Environment.GetEnvironmentVariable("CHEZLEPRO_REGENERATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);

        Assert.True(File.Exists(path), $"missing golden file {path}; run with CHEZLEPRO_REGENERATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static HealthReport Build(string scenario)
    {
        switch (scenario)
        {
            case "pve8-healthy": return Pve("pve8/cluster-status-healthy.json", "pve8/resources-healthy.json", "pve8/ha-healthy.json", "pve8/node-status.json", null);
            case "pve8-replication-failing": return Pve("pve8/cluster-status-healthy.json", "pve8/resources-healthy.json", "pve8/ha-healthy.json", null, "pve8/replication.json");
            case "pve8-node-down": return Pve("pve8/cluster-status-node-down.json", "pve8/resources-node-down.json", "pve8/ha-healthy.json", "pve8/node-status.json", null);
            case "pve8-no-quorum": return Pve("pve8/cluster-status-no-quorum.json", "pve8/resources-healthy.json", "pve8/ha-healthy.json", null, null);
            case "pve8-ha-error": return Pve("pve8/cluster-status-healthy.json", "pve8/resources-healthy.json", "pve8/ha-error.json", null, null);
            case "pve9-standalone-busy": return Pve("pve9/cluster-status.json", "pve9/resources.json", "pve9/ha-fencing.json", "pve9/node-status.json", null);
            case "pve9-replication": return Pve("pve8/cluster-status-healthy.json", "pve8/resources-healthy.json", "pve8/ha-healthy.json", null, "pve9/replication.json");
            case "pbs3-namespaces-tasks":
            {
                var poll = new PbsPoll
                {
                    Now = Fixture.Now,
                    Usage = Fixture.Ok<List<PbsDatastoreUsage>>("pbs3/datastore-usage.json"),
                    GcJobs = Fixture.Ok<List<PbsGcStatus>>("pbs3/gc.json"),
                    FailedTasks = Fixture.Ok<List<PbsTask>>("pbs3/tasks.json"),
                };
                poll.Snapshots.Add(("main", "", Fixture.Ok<List<PbsSnapshot>>("pbs3/snapshots-root.json")));
                poll.Snapshots.Add(("main", "site-a", Fixture.Ok<List<PbsSnapshot>>("pbs3/snapshots-site-a.json")));
                return PbsHealthMapper.Map(poll, new PbsThresholds());
            }
            case "pbs4-stores":
                return PbsHealthMapper.Map(new PbsPoll
                {
                    Now = Fixture.Now,
                    Usage = Fixture.Ok<List<PbsDatastoreUsage>>("pbs4/datastore-usage.json"),
                    GcJobs = Fixture.Ok<List<PbsGcStatus>>("pbs4/gc.json"),
                }, new PbsThresholds());
            case "ceph-reef-warn": return CephHealthMapper.Map(CephStatusDecoder.Decode(Fixture.Data("ceph/reef-pve-warn.json")));
            case "ceph-quincy-ok": return CephHealthMapper.Map(CephStatusDecoder.Decode(Fixture.Raw("ceph/quincy-cli-ok.json")));
            default: return CephHealthMapper.Map(CephStatusDecoder.Decode(Fixture.Raw("ceph/err-inactive.json")));
        }
    }

    // summaryEn only where a mapper gives one, so the golden files of mappers still English-only stay as they were.
    private static JsonObject Check(CheckResult c)
    {
        var o = new JsonObject { ["check"] = c.Check, ["status"] = c.Status.ToString().ToLowerInvariant(), ["summary"] = c.Summary };
        if (c.SummaryEn is not null) o["summaryEn"] = c.SummaryEn;
        o["details"] = c.Details?.DeepClone();
        return o;
    }

    private static HealthReport Pve(string status, string resources, string ha, string? nodeStatus, string? replication)
    {
        var s = new PveSnapshot
        {
            Now = Fixture.Now,
            ClusterStatus = Fixture.Ok<List<PveClusterStatusEntry>>(status),
            Resources = Fixture.Ok<List<PveResource>>(resources),
            Ha = Fixture.Ok<List<PveHaStatusEntry>>(ha),
        };
        foreach (var node in PveHealthMapper.NodeNames(s).Where(n => PveHealthMapper.IsOnline(s, n)))
        {
            if (nodeStatus is not null) s.NodeStatus[node] = Fixture.Ok<PveNodeStatus>(nodeStatus);
            if (replication is not null) s.Replication[node] = node == "pve1" ? Fixture.Ok<List<PveReplicationJob>>(replication) : Fetched<List<PveReplicationJob>>.Ok([]);
        }
        return PveHealthMapper.Map(s, new PveThresholds());
    }

    private static string Render(HealthReport report)
    {
        var root = new JsonObject
        {
            ["checks"] = new JsonArray([.. report.Checks.Select(c => (JsonNode)Check(c))]),
            ["samples"] = new JsonArray([.. report.Samples.Select(s => (JsonNode)new JsonObject { ["metric"] = s.Metric, ["value"] = s.Value, ["unit"] = s.Unit })]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
