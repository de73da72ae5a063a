namespace Chezlepro.Collector.Evidence;

/// <summary>Section <c>Evidence</c>: how long the journal is kept.</summary>
public sealed class EvidenceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Evidence";

    /// <summary>The contracts promise 12 months of evidence: the default and the least accepted.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(365);

    /// <summary>Records whose time is older are pruned (a prefix of the chain only); default and minimum 365 days.</summary>
    public TimeSpan Retention { get; set; } = MinimumRetention;
}
