namespace Chezlepro.Collector.Availability;

/// <summary>
/// A span that cost (or may cost) availability, with its explanation: for <see cref="ServiceState.Down"/>, the
/// checks that were critical during it; for <see cref="ServiceState.Unknown"/>, the checks that were unknown, stale
/// or silent.
/// </summary>
public sealed record AvailabilityInterval(DateTimeOffset From, DateTimeOffset To, ServiceState State, IReadOnlyList<CheckKey> Causes)
{
    /// <summary>Length in seconds.</summary>
    public double Seconds => (To - From).TotalSeconds;
}
