using System.Text.Json.Serialization;

namespace Chezlepro.Contracts.Messages;

/// <summary>Status of a health check, as written on the wire in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthStatus>))]
public enum HealthStatus
{
    /// <summary>Working as expected.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,
    /// <summary>Degraded; counts as up for availability.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
    /// <summary>Down.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,
    /// <summary>The agent could not tell.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
