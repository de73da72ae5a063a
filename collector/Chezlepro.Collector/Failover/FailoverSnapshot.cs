namespace Chezlepro.Collector.Failover;

/// <summary>A group's state as the API shows it.</summary>
/// <param name="Group">Group id.</param>
/// <param name="Active">Site serving the group now.</param>
/// <param name="Epoch">Epoch of the last decision.</param>
/// <param name="Mode">The group's configured mode.</param>
/// <param name="State">Engine state.</param>
/// <param name="ConditionSince">Start of the running failover hold (Suspect) or failback hold (FailbackPending).</param>
/// <param name="LastDecision">The last decision and its evidence.</param>
/// <param name="Pending">The advisory decision awaiting confirmation.</param>
/// <param name="LastObservation">The last observation fed to the engine.</param>
public sealed record FailoverSnapshot(string Group, string Active, long Epoch, string Mode, FailoverState State,
    DateTimeOffset? ConditionSince, FailoverRecord? LastDecision, FailoverRecord? Pending, FailoverObservation? LastObservation);
