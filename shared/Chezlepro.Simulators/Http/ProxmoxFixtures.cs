namespace Chezlepro.Simulators.Http;

/// <summary>
/// Recorded Proxmox VE 8, PBS 3 and Ceph (through PVE) answers, embedded from the Health tests' testdata, and the
/// routes that replay them on a <see cref="FixtureHttpServer"/>: a healthy three-node cluster (pve1–pve3) with HA and
/// a Ceph in HEALTH_WARN (one OSD down: warning, which counts as up), and a PBS with datastore <c>main</c> and its
/// namespaces, snapshots, garbage collection and tasks.
/// </summary>
public static class ProxmoxFixtures
{
    private static readonly byte[] EmptyList = "{\"data\":[]}"u8.ToArray();

    /// <summary>The PVE nodes of the recorded cluster.</summary>
    public static IReadOnlyList<string> PveNodes { get; } = ["pve1", "pve2", "pve3"];

    /// <summary>The PBS datastore of the recorded server.</summary>
    public const string PbsDatastore = "main";

    /// <summary>One embedded fixture by its testdata name (<c>pve8/cluster-status-healthy.json</c>).</summary>
    public static byte[] Read(string name)
    {
        using var stream = typeof(ProxmoxFixtures).Assembly.GetManifestResourceStream("fixtures/" + name)
            ?? throw new ArgumentException($"no embedded fixture '{name}'", nameof(name));
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Serves the healthy PVE 8 cluster and its Ceph status on <paramref name="server"/>.</summary>
    public static FixtureHttpServer ServePve(FixtureHttpServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.On("cluster/status", Read("pve8/cluster-status-healthy.json"))
            .On("cluster/resources", Read("pve8/resources-healthy.json"))
            .On("cluster/ha/status/current", Read("pve8/ha-healthy.json"))
            .On("cluster/ceph/status", Read("ceph/reef-pve-warn.json"));
        var nodeStatus = Read("pve8/node-status.json");
        foreach (var node in PveNodes)
        {
            server.On($"nodes/{node}/status", nodeStatus);
            server.On($"nodes/{node}/replication", EmptyList);
        }
        return server;
    }

    /// <summary>Serves the PBS 3 server (datastore <see cref="PbsDatastore"/>) on <paramref name="server"/>.</summary>
    public static FixtureHttpServer ServePbs(FixtureHttpServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.On("status/datastore-usage", Read("pbs3/datastore-usage.json"))
            .On("admin/gc", Read("pbs3/gc.json"))
            .On($"admin/datastore/{PbsDatastore}/namespace", Read("pbs3/namespaces.json"))
            .On($"admin/datastore/{PbsDatastore}/snapshots", Read("pbs3/snapshots-root.json"))
            .On($"admin/datastore/{PbsDatastore}/snapshots?ns=site-a", Read("pbs3/snapshots-site-a.json"))
            .On($"admin/datastore/{PbsDatastore}/snapshots?ns=site-a/old", Read("pbs3/snapshots-site-a-old.json"))
            .On("nodes/localhost/tasks", Read("pbs3/tasks.json"));
    }
}
