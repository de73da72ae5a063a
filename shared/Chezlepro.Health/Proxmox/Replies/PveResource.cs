using System.Text.Json.Serialization;

namespace Chezlepro.Health.Proxmox.Replies;

/// <summary>One entry of <c>GET /cluster/resources</c> (reference §1.3): a guest, node, storage, pool, …</summary>
internal sealed class PveResource
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("node")] public string? Node { get; set; }
    [JsonPropertyName("vmid")] public long? VmId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("template")] public bool? Template { get; set; }
    [JsonPropertyName("uptime")] public long? Uptime { get; set; }
    [JsonPropertyName("cpu")] public double? Cpu { get; set; }
    [JsonPropertyName("maxcpu")] public double? MaxCpu { get; set; }
    [JsonPropertyName("mem")] public long? Mem { get; set; }
    [JsonPropertyName("maxmem")] public long? MaxMem { get; set; }
    [JsonPropertyName("disk")] public long? Disk { get; set; }
    [JsonPropertyName("maxdisk")] public long? MaxDisk { get; set; }
    [JsonPropertyName("hastate")] public string? HaState { get; set; }
    [JsonPropertyName("storage")] public string? Storage { get; set; }
    [JsonPropertyName("plugintype")] public string? PluginType { get; set; }
    [JsonPropertyName("shared")] public bool? Shared { get; set; }
    [JsonPropertyName("lock")] public string? Lock { get; set; }
}
