using System.Text.Json.Serialization;

namespace Chezlepro.Contracts.Messages;

/// <summary>Whether an alert is raised or cleared.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertState>))]
public enum AlertState
{
    /// <summary>The condition holds.</summary>
    [JsonStringEnumMemberName("raised")]
    Raised,
    /// <summary>The condition no longer holds.</summary>
    [JsonStringEnumMemberName("cleared")]
    Cleared,
}
