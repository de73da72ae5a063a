namespace Chezlepro.Collector.RestoreTests;

/// <summary>Section <c>RestoreTests</c>.</summary>
public sealed class RestoreTestOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "RestoreTests";

    /// <summary>Restore tests a client may ask for each year within its contract (the contract's "three a year").</summary>
    public int IncludedPerYear { get; set; } = 3;

    /// <summary>How often the leader reads the stored health results for new verifications and restore runs.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);
}
