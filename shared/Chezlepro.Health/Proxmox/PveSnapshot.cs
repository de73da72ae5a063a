using Chezlepro.Health.Proxmox.Replies;

namespace Chezlepro.Health.Proxmox;

/// <summary>Everything one PVE poll fetched; the input of the pure <see cref="PveHealthMapper"/>.</summary>
internal sealed class PveSnapshot
{
    public required DateTimeOffset Now { get; init; }
    public Fetched<List<PveClusterStatusEntry>> ClusterStatus { get; init; }
    public Fetched<List<PveResource>> Resources { get; init; }
    public Fetched<List<PveHaStatusEntry>> Ha { get; init; }
    public Dictionary<string, Fetched<PveNodeStatus>> NodeStatus { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Fetched<List<PveReplicationJob>>> Replication { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Fetched<List<PveAptUpdate>>> Updates { get; } = new(StringComparer.Ordinal);

    /// <summary>Nodes seen in earlier polls, so a node that vanished from the replies reports unknown.</summary>
    public IReadOnlyCollection<string> KnownNodes { get; init; } = [];
}
