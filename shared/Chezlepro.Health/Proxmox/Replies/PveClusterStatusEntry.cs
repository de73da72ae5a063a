using System.Text.Json.Serialization;

namespace Chezlepro.Health.Proxmox.Replies;

/// <summary>One entry of <c>GET /cluster/status</c> (reference §1.3): the cluster, or one node.</summary>
internal sealed class PveClusterStatusEntry
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("quorate")] public bool? Quorate { get; set; }
    [JsonPropertyName("nodes")] public long? Nodes { get; set; }
    [JsonPropertyName("online")] public bool? Online { get; set; }
    [JsonPropertyName("local")] public bool? Local { get; set; }
    [JsonPropertyName("nodeid")] public long? NodeId { get; set; }
    [JsonPropertyName("ip")] public string? Ip { get; set; }
}
