namespace Chezlepro.Health.Tests.Support;

/// <summary>Real timers and stopwatch, but "now" pinned to the fixtures' instant (2026-11-21T14:00:00Z).</summary>
internal sealed class FixedNowTimeProvider(DateTimeOffset? now = null) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now ?? Fixture.Now;

    public override DateTimeOffset GetUtcNow() => Now;
}
