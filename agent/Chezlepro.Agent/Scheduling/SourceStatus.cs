namespace Chezlepro.Agent.Scheduling;

/// <summary>What the runner knows of one source (status page, metrics). Updated only by the runner.</summary>
public sealed class SourceStatus
{
    /// <summary>Creates the record of one source.</summary>
    public SourceStatus(string name, string type, TimeSpan interval)
    {
        Name = name;
        Type = type;
        Interval = interval;
    }

    /// <summary>Source name.</summary>
    public string Name { get; }

    /// <summary>Source type.</summary>
    public string Type { get; }

    /// <summary>Poll interval.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Polls that succeeded.</summary>
    public long Successes { get; internal set; }

    /// <summary>Polls that failed.</summary>
    public long Failures { get; internal set; }

    /// <summary>Failures since the last success.</summary>
    public long ConsecutiveFailures { get; internal set; }

    /// <summary>When the last poll ended.</summary>
    public DateTimeOffset? LastPollAt { get; internal set; }

    /// <summary>When the last successful poll ended.</summary>
    public DateTimeOffset? LastSuccessAt { get; internal set; }

    /// <summary>Duration of the last poll.</summary>
    public TimeSpan LastDuration { get; internal set; }

    /// <summary>The last error, in words (no secrets: sources' exception messages are written for that).</summary>
    public string? LastError { get; internal set; }

    /// <summary>Heartbeat of the loop (watchdog: a wedged loop stops moving it).</summary>
    public DateTimeOffset LastLoopAt { get; internal set; }
}
