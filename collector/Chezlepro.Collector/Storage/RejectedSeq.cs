namespace Chezlepro.Collector.Storage;

/// <summary>
/// An agent message the validator rejected but whose topic names its node and whose payload carries a seq: stored as
/// received (not as data) so one bad payload cannot hold the node's watermark, and with it the agent's outbox, forever.
/// </summary>
/// <param name="Site">Site of the topic (the identity the broker's ACL enforced).</param>
/// <param name="Node">Node of the topic.</param>
/// <param name="Seq">The seq the payload carries (≥ 1).</param>
/// <param name="Cause">Why it was rejected (a reject cause name, lower case).</param>
public sealed record RejectedSeq(string Site, string Node, long Seq, string Cause);
