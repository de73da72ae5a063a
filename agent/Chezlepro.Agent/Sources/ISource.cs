namespace Chezlepro.Agent.Sources;

/// <summary>
/// Reads one device or API once and returns what it saw. No timer and no retry loop inside: the
/// <see cref="Scheduling.SourceRunner"/> schedules it, times it and contains its failures. A source may keep
/// state between reads (smoothing, consecutive-failure counts, alert hysteresis).
/// </summary>
public interface ISource
{
    /// <summary>Configured name (<c>Sources:n:Name</c>); the telemetry topic's last segment.</summary>
    string Name { get; }

    /// <summary>Read once.</summary>
    /// <param name="cancellationToken">Cancelled at shutdown or when the poll overruns its interval.</param>
    /// <returns>Samples, health results and alert transitions of this poll.</returns>
    ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken);
}
