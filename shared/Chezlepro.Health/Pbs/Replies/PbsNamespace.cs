using System.Text.Json.Serialization;

namespace Chezlepro.Health.Pbs.Replies;

/// <summary>One item of <c>GET /admin/datastore/{store}/namespace</c>; <c>ns</c> is empty for the root.</summary>
internal sealed class PbsNamespace
{
    [JsonPropertyName("ns")] public string? Ns { get; set; }
}
