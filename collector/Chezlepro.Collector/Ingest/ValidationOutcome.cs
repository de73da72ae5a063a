using Chezlepro.Contracts.Topics;

namespace Chezlepro.Collector.Ingest;

/// <summary>Result of <see cref="MessageValidator.Validate"/>.</summary>
/// <param name="Topic">Parsed topic, when it parsed.</param>
/// <param name="Message">The typed message, when accepted.</param>
/// <param name="Cause">Why rejected, when rejected.</param>
/// <param name="Reason">Short reason in words (no payload content).</param>
/// <param name="Ignored">A contract topic the collector does not ingest.</param>
public sealed record ValidationOutcome(ParsedTopic? Topic, object? Message, RejectCause? Cause, string? Reason, bool Ignored = false)
{
    /// <summary>Accepted.</summary>
    public static ValidationOutcome Accept(ParsedTopic topic, object message) => new(topic, message, null, null);

    /// <summary>Rejected.</summary>
    public static ValidationOutcome Reject(RejectCause cause, string reason) => new(null, null, cause, reason);

    /// <summary>Not for ingest.</summary>
    public static ValidationOutcome Ignore(ParsedTopic topic) => new(topic, null, null, null, Ignored: true);
}
