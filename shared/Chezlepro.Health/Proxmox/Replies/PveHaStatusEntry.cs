using System.Text.Json.Serialization;

namespace Chezlepro.Health.Proxmox.Replies;

/// <summary>One entry of <c>GET /cluster/ha/status/current</c> (reference §1.3): quorum, master, lrm, service or fencing.</summary>
internal sealed class PveHaStatusEntry
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("node")] public string? Node { get; set; }
    [JsonPropertyName("quorate")] public bool? Quorate { get; set; }
    [JsonPropertyName("timestamp")] public long? Timestamp { get; set; }
    [JsonPropertyName("sid")] public string? Sid { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("crm_state")] public string? CrmState { get; set; }
    [JsonPropertyName("request_state")] public string? RequestState { get; set; }
    [JsonPropertyName("armed-state")] public string? ArmedState { get; set; }
}
