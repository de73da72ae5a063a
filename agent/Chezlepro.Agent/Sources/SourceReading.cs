using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Sources;

/// <summary>What one poll of one source produced. Everything in it is written to the outbox in one transaction.</summary>
public sealed class SourceReading
{
    /// <summary>Telemetry values (one telemetry batch per poll when not empty).</summary>
    public List<Sample> Samples { get; } = [];

    /// <summary>Health results (one message each).</summary>
    public List<HealthReading> Health { get; } = [];

    /// <summary>Alert transitions (raised or cleared) decided during this poll.</summary>
    public List<Alert> Alerts { get; } = [];
}
