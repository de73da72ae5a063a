using System.Text.Json.Serialization;

namespace Chezlepro.Health.Pbs.Replies;

/// <summary>One archive of a snapshot.</summary>
internal sealed class PbsSnapshotFile
{
    [JsonPropertyName("filename")] public string? Filename { get; set; }
    [JsonPropertyName("size")] public long? Size { get; set; }
}
