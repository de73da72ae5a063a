namespace Chezlepro.Collector.Evidence;

/// <summary>What <see cref="EvidenceBundleVerifier"/> found.</summary>
/// <param name="Break">The first break, or null when every hash and link holds.</param>
/// <param name="Records">Full records checked.</param>
/// <param name="Stubs">Stubs (other clients' places in the chain) linked through.</param>
/// <param name="Heads">Daily heads matched.</param>
public sealed record EvidenceVerification(EvidenceBreak? Break, int Records, int Stubs, int Heads)
{
    /// <summary>True when the bundle verifies.</summary>
    public bool Ok => Break is null;
}
