using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Folding;

/// <summary>
/// A stored state interval of one check: a maximal run of results with the same status, each within
/// <see cref="CheckFold.MaxGap"/> of the previous one. <see cref="From"/> and <see cref="LastSeen"/> are its first
/// and last results; <see cref="To"/> is the next result's time (the next interval's <see cref="From"/>), null while
/// no later result exists. Times in Unix milliseconds.
/// </summary>
/// <param name="Id">Row id; 0 for an interval not stored yet.</param>
/// <param name="Status">Status of every result in the run.</param>
/// <param name="From">First result.</param>
/// <param name="LastSeen">Last result.</param>
/// <param name="To">Next result of the check, or null.</param>
/// <param name="Details">Details of the latest result that carried some.</param>
public sealed record FoldInterval(long Id, HealthStatus Status, long From, long LastSeen, long? To, string? Details);
