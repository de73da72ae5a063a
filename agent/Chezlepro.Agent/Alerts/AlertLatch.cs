using Chezlepro.Contracts.Messages;

namespace Chezlepro.Agent.Alerts;

/// <summary>
/// One alert with hysteresis: raised once when its raise condition holds, cleared only after its (separate, looser)
/// clear condition has held for the hold time. Pure apart from the times it is given.
/// </summary>
internal sealed class AlertLatch(string id, Priority priority, string summary, string summaryEn)
{
    private DateTimeOffset? _clearSince;

    public string Id => id;

    public bool Active { get; private set; }

    /// <summary>
    /// Marks the alert raised without emitting anything: the raise was sent before a restart (persisted latch), and the
    /// next evaluations clear it with the usual hysteresis if its condition ended meanwhile.
    /// </summary>
    public void Restore()
    {
        Active = true;
        _clearSince = null;
    }

    /// <summary>Feeds one evaluation; returns the transition, if any.</summary>
    /// <param name="raise">Raise condition.</param>
    /// <param name="clear">Clear condition (should exclude <paramref name="raise"/>).</param>
    /// <param name="now">Evaluation time.</param>
    /// <param name="hold">How long <paramref name="clear"/> must hold.</param>
    /// <param name="source">Source name.</param>
    /// <param name="detail">Appended to the texts on raise (fault names), or null.</param>
    public Alert? Update(bool raise, bool clear, DateTimeOffset now, TimeSpan hold, string source, string? detail = null)
    {
        if (!Active)
        {
            if (!raise)
            {
                return null;
            }
            Active = true;
            _clearSince = null;
            return Make(AlertState.Raised, source, detail);
        }
        if (!clear)
        {
            _clearSince = null;
            return null;
        }
        _clearSince ??= now;
        if (now - _clearSince.Value < hold)
        {
            return null;
        }
        Active = false;
        _clearSince = null;
        return Make(AlertState.Cleared, source, null);
    }

    private Alert Make(AlertState state, string source, string? detail) => new()
    {
        Id = id,
        State = state,
        Priority = priority,
        Source = source,
        Summary = state == AlertState.Raised ? summary + (detail is null ? "" : $" : {detail}") : $"Rétabli — {summary}",
        SummaryEn = state == AlertState.Raised ? summaryEn + (detail is null ? "" : $": {detail}") : $"Resolved — {summaryEn}",
    };
}
