using System.Text.Json.Serialization;

namespace Chezlepro.Contracts.Messages;

/// <summary>Incident and alert priority (service-levels.md, NOC annex).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Priority>))]
public enum Priority
{
    /// <summary>Critical: acknowledge within 30 min, 24/7.</summary>
    P1 = 1,
    /// <summary>Major: acknowledge within 2 h.</summary>
    P2 = 2,
    /// <summary>Minor: acknowledge within 8 h.</summary>
    P3 = 3,
}
