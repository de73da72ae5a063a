namespace Chezlepro.Collector.Ingest;

/// <summary>Ingest counters exposed on <c>/metrics</c>; thread-safe.</summary>
public sealed class IngestCounters
{
    private readonly long[] _results = new long[Enum.GetValues<IngestResult>().Length];
    private readonly long[] _causes = new long[Enum.GetValues<RejectCause>().Length];

    /// <summary>Count of one result.</summary>
    public long Get(IngestResult result) => Interlocked.Read(ref _results[(int)result]);

    /// <summary>Count of one reject cause.</summary>
    public long Get(RejectCause cause) => Interlocked.Read(ref _causes[(int)cause]);

    /// <summary>Counts a result.</summary>
    public void Count(IngestResult result) => Interlocked.Increment(ref _results[(int)result]);

    /// <summary>Counts a rejection; returns true the first time this cause is seen (log once per cause).</summary>
    public bool Count(RejectCause cause)
    {
        Count(IngestResult.Rejected);
        return Interlocked.Increment(ref _causes[(int)cause]) == 1;
    }
}
