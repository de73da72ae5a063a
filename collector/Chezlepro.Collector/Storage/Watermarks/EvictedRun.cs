namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>One run of seqs an agent declared evicted (from a gaps notice).</summary>
/// <param name="From">First evicted seq.</param>
/// <param name="To">Last evicted seq (inclusive).</param>
/// <param name="Reason">The outbox bound that evicted them: <c>bytes</c> or <c>age</c>.</param>
/// <param name="NoticeSeq">Seq of the gaps notice that declared them.</param>
/// <param name="ReceivedAt">When the notice was received.</param>
public sealed record EvictedRun(long From, long To, string Reason, long NoticeSeq, DateTimeOffset ReceivedAt)
{
    /// <summary>Seqs in the run.</summary>
    public long Count => To - From + 1;
}
