namespace Chezlepro.Health.Ceph;

/// <summary>The parts of <c>ceph status -f json</c> the <c>ceph</c> check uses, from any release since Nautilus.</summary>
internal sealed record CephStatus
{
    public string? Health { get; init; }
    public List<CephHealthCheck> Checks { get; init; } = [];
    public List<string> QuorumNames { get; init; } = [];
    public int? NumMons { get; init; }
    public List<string> MonNames { get; init; } = [];
    public long? NumOsds { get; init; }
    public long? NumUpOsds { get; init; }
    public long? NumInOsds { get; init; }
    public long? NumPgs { get; init; }
    public List<(string State, long Count)> PgsByState { get; init; } = [];
    public long DegradedObjects { get; init; }
    public long MisplacedObjects { get; init; }
    public long UnfoundObjects { get; init; }
    public double? DegradedRatio { get; init; }
    public long? BytesUsed { get; init; }
    public long? BytesTotal { get; init; }
}
