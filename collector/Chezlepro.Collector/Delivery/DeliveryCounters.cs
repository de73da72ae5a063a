namespace Chezlepro.Collector.Delivery;

/// <summary>Counters of the watermark publisher exposed on <c>/metrics</c>; thread-safe.</summary>
public sealed class DeliveryCounters
{
    private long _published;
    private long _failures;

    /// <summary>Acks published (PUBACK received).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Ack publishes that failed (retried later).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Counts one published ack.</summary>
    public void CountPublished() => Interlocked.Increment(ref _published);

    /// <summary>Counts one failed publish.</summary>
    public void CountFailure() => Interlocked.Increment(ref _failures);
}
