using Chezlepro.Collector.Hosting;
using Xunit;

namespace Chezlepro.Collector.Tests.Architecture;

/// <summary>
/// The folders of the collector depend on each other in one direction only: no cycle at all, and in particular
/// failover never knows the NOC (it tells listeners through its own sink interface), and storage never knows the
/// API, the NOC or failover (they use it, never the other way).
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly IReadOnlyDictionary<(string From, string To), string> Edges = FolderDependencies.Edges(typeof(CollectorApp).Assembly);

    [Fact]
    public void Scanner_SeesWhatAMethodBodyUses()
    {
        // Hosting registers failover only inside a method body (AddFailover() in AddCollector): the scan must see it,
        // or an empty graph would pass every rule below.
        Assert.Contains(("Hosting", "Failover"), Edges.Keys);
        Assert.Contains(("Noc", "Failover"), Edges.Keys); // the NOC listens to failover: the allowed direction
    }

    [Theory]
    [InlineData("Failover", "Noc")]
    [InlineData("Storage", "Apis")]
    [InlineData("Storage", "Noc")]
    [InlineData("Storage", "Failover")]
    [InlineData("Storage", "Evidence")]
    public void Folder_DoesNotUse(string from, string to)
    {
        Assert.False(Edges.TryGetValue((from, to), out var why), $"{from} must not use {to}: {why}");
    }

    [Fact]
    public void Cycles_ALoopOfThree_FoundWithItsPath()
    {
        var cycles = FolderDependencies.Cycles([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E")]);
        Assert.Equal(["A", "B", "C", "A"], Assert.Single(cycles));
    }

    [Fact]
    public void Folders_NoCycle()
    {
        // A folder may use another only if that one, directly or not, never uses it back.
        var cycles = FolderDependencies.Cycles(Edges.Keys);
        Assert.True(cycles.Count == 0, "Folders that use each other: " + string.Join("; ",
            cycles.Select(c => string.Join(" -> ", c) + " (" + string.Join(", ", c.Zip(c.Skip(1)).Select(e => Edges[e])) + ")")));
    }

    [Fact]
    public void StoredFormats_UseNothingElseOfTheCollector()
    {
        // What a store keeps must not move when an API or engine type changes: Storage/Formats stands alone.
        var formats = FolderDependencies.Edges(typeof(CollectorApp).Assembly, ns => ns == "Chezlepro.Collector.Storage.Formats");
        Assert.Empty(formats.Values);
    }
}
