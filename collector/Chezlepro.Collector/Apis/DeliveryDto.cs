namespace Chezlepro.Collector.Apis;

/// <summary>
/// <c>GET /api/v1/sites/{site}/nodes/{node}/delivery</c>: how far everything the node sent is stored, what is missing
/// (explained by a gaps notice or not) and which seqs were recorded although rejected.
/// </summary>
public sealed record DeliveryDto(string Site, string Node, long Watermark, long LastReceivedSeq, DateTimeOffset? LastReceivedAt,
    IReadOnlyList<MissingDto> Missing, RejectedDto Rejected);

/// <summary>Missing seqs: evicted by the agent (explained, with the reason) or a hole above the watermark (not explained).</summary>
public sealed record MissingDto(long From, long To, long Count, bool Explained, string? Reason, DateTimeOffset Since);

/// <summary>Seqs recorded as received although their message was rejected: how many, and the most recent.</summary>
public sealed record RejectedDto(long Count, IReadOnlyList<RejectedSeqDto> Last);

/// <summary>One rejected seq.</summary>
public sealed record RejectedSeqDto(long Seq, string Cause, DateTimeOffset ReceivedAt);
