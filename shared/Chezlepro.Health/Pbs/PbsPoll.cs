using Chezlepro.Health.Pbs.Replies;

namespace Chezlepro.Health.Pbs;

/// <summary>Everything one PBS poll fetched; the input of the pure <see cref="PbsHealthMapper"/>.</summary>
internal sealed class PbsPoll
{
    public required DateTimeOffset Now { get; init; }
    public Fetched<List<PbsDatastoreUsage>> Usage { get; init; }
    public Fetched<List<PbsGcStatus>> GcJobs { get; init; }
    public Fetched<List<PbsTask>> FailedTasks { get; init; }

    /// <summary>Snapshots per store and namespace (namespace "" is the root).</summary>
    public List<(string Store, string Namespace, Fetched<List<PbsSnapshot>> Snapshots)> Snapshots { get; } = [];

    /// <summary>Stores the configuration names; one missing from the usage list reports unknown.</summary>
    public IReadOnlyList<string> ExpectedStores { get; init; } = [];

    /// <summary>Backup checks seen in earlier polls and their store, so a vanished one reports unknown.</summary>
    public IReadOnlyDictionary<string, string> KnownBackups { get; init; } = new Dictionary<string, string>();
}
