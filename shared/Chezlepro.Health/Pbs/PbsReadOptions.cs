namespace Chezlepro.Health.Pbs;

/// <summary>What a PBS poll reads, and its thresholds.</summary>
public sealed class PbsReadOptions
{
    /// <summary>Stores to read; empty means every store the token can audit.</summary>
    public IReadOnlyList<string> Datastores { get; init; } = [];

    /// <summary>How far back the first poll looks for failed tasks. Default 24 h.</summary>
    public TimeSpan FirstTaskLookBack { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Thresholds.</summary>
    public PbsThresholds Thresholds { get; init; } = new();
}
