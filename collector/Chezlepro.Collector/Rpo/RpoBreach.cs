namespace Chezlepro.Collector.Rpo;

/// <summary>A span during which the RPO was not met; <paramref name="NoEvidence"/> when no backup was known yet.</summary>
public sealed record RpoBreach(DateTimeOffset From, DateTimeOffset To, bool NoEvidence)
{
    /// <summary>Length in seconds.</summary>
    public double Seconds => (To - From).TotalSeconds;
}
