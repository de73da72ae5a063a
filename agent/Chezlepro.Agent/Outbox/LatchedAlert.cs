namespace Chezlepro.Agent.Outbox;

/// <summary>An alert that was raised and not yet cleared when last persisted.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Id">Alert id.</param>
/// <param name="RaisedAt">When its raise was appended.</param>
public sealed record LatchedAlert(string Source, string Id, DateTimeOffset RaisedAt);
