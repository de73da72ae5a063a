using System.Globalization;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// The bench process's garbage collections at one moment. A consumer slower than its publishers holds the broker's
/// backlog in its own heap (Mosquitto pushes past <c>max_inflight_messages</c>, Storage/README.md): these figures say
/// what holding it cost during a measured run.
/// </summary>
internal readonly record struct GcFigures(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated, long Committed)
{
    /// <summary>The figures now.</summary>
    public static GcFigures Now()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new GcFigures(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
            GC.GetTotalAllocatedBytes(), info.TotalCommittedBytes);
    }

    /// <summary>What happened between <paramref name="start"/> and these figures, in one line.</summary>
    public string Since(GcFigures start) => string.Create(CultureInfo.InvariantCulture,
        $"GC during the measured run: {Gen0 - start.Gen0} gen0, {Gen1 - start.Gen1} gen1, {Gen2 - start.Gen2} gen2 collections, paused {(Pause - start.Pause).TotalMilliseconds:F0} ms, {(Allocated - start.Allocated) / 1048576.0:F0} MiB allocated, committed {start.Committed / 1048576.0:F0} -> {Committed / 1048576.0:F0} MiB");
}
