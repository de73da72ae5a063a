namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>A seq recorded as received although its message was rejected.</summary>
/// <param name="Seq">The seq.</param>
/// <param name="Cause">Reject cause (lower case).</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record RejectedView(long Seq, string Cause, DateTimeOffset ReceivedAt);
