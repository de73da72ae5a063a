using System.Text.Json.Serialization;

namespace Chezlepro.Health.Pbs.Replies;

/// <summary>Verification state of a snapshot: <c>ok</c> or <c>failed</c>; absent means never verified (reference §5.14).</summary>
internal sealed class PbsVerification
{
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("upid")] public string? Upid { get; set; }
}
