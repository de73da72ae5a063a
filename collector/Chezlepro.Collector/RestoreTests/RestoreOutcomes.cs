namespace Chezlepro.Collector.RestoreTests;

/// <summary>The outcomes of a restore test (the agent's <c>details.outcome</c>, contract of issue 20).</summary>
public static class RestoreOutcomes
{
    /// <summary>Restored and checked.</summary>
    public const string Ok = "ok";

    /// <summary>Restored, but the check (size, SHA-256, command) did not match.</summary>
    public const string Mismatch = "mismatch";

    /// <summary>The restore failed.</summary>
    public const string Failed = "failed";

    /// <summary>The restore did not finish in time.</summary>
    public const string Timeout = "timeout";

    /// <summary>Every outcome, in the order above.</summary>
    public static readonly IReadOnlyList<string> All = [Ok, Mismatch, Failed, Timeout];

    /// <summary>Whether <paramref name="outcome"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? outcome) => outcome is not null && All.Contains(outcome, StringComparer.Ordinal);
}
