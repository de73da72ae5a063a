using Chezlepro.Agent.Scheduling;

namespace Chezlepro.Agent.Hosting.Systemd;

/// <summary>
/// Decides whether every source loop still turns. A loop moves <see cref="SourceStatus.LastLoopAt"/> before and
/// after each poll, and a poll is cancelled when it overruns its interval, so a heartbeat older than
/// max(2 × interval, watchdog interval) means a loop is wedged (a read that ignores cancellation, a deadlock).
/// </summary>
public static class SourceLiveness
{
    /// <summary>The names of the sources whose loop looks wedged at <paramref name="now"/>.</summary>
    /// <param name="sources">Source records.</param>
    /// <param name="now">Current time.</param>
    /// <param name="watchdogInterval">The systemd watchdog interval.</param>
    /// <param name="startedAt">When the agent started: the reference for a loop that has not turned yet.</param>
    public static IReadOnlyList<string> Wedged(IEnumerable<SourceStatus> sources, DateTimeOffset now, TimeSpan watchdogInterval, DateTimeOffset startedAt)
    {
        List<string>? wedged = null;
        foreach (var s in sources)
        {
            var heartbeat = s.LastLoopAt == default ? startedAt : s.LastLoopAt;
            var limit = TimeSpan.FromTicks(Math.Max(2 * s.Interval.Ticks, watchdogInterval.Ticks));
            if (now - heartbeat > limit) (wedged ??= []).Add(s.Name);
        }
        return wedged ?? (IReadOnlyList<string>)[];
    }
}
