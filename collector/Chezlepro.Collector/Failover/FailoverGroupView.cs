namespace Chezlepro.Collector.Failover;

/// <summary>One group in <c>GET /api/v1/failover</c>.</summary>
/// <param name="Group">Group id.</param>
/// <param name="Primary">Primary site.</param>
/// <param name="Secondary">Secondary site.</param>
/// <param name="Active">Site serving the group now.</param>
/// <param name="Epoch">Epoch of the last decision.</param>
/// <param name="Mode">Configured mode (<c>automatic</c> or <c>advisory</c>).</param>
/// <param name="Failback">Configured failback (<c>manual</c> or <c>automatic</c>).</param>
/// <param name="State">Engine state, kebab-case.</param>
/// <param name="ConditionSince">Start of the running hold.</param>
/// <param name="LastDecision">Last decision and its evidence.</param>
/// <param name="Pending">Advisory decision awaiting confirmation.</param>
/// <param name="History">Recent decisions from the audit log, newest first.</param>
public sealed record FailoverGroupView(string Group, string Primary, string Secondary, string Active, long Epoch, string Mode, string Failback,
    string State, DateTimeOffset? ConditionSince, FailoverRecord? LastDecision, FailoverRecord? Pending, IReadOnlyList<FailoverRecord> History);
