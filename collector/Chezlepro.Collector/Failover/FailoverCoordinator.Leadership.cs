namespace Chezlepro.Collector.Failover;

/// <summary>Single decision-maker: leading, following and taking over (PostgreSQL deployments).</summary>
public sealed partial class FailoverCoordinator
{
    /// <summary>Whether this collector decided in its last round (always true with a single collector).</summary>
    public bool IsLeading => _leading;

    private async Task<bool> LeadAsync(CancellationToken ct)
    {
        var leader = _leadership is null || await _leadership.HoldAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            if (!leader)
            {
                _leading = false;
                // Publishing is the leader's job; what this collector wrote is in the shared log for the next leader.
                _unpublished.Clear();
                await FollowGroupsAsync(force: false, ct);
                return false;
            }
            if (!_leading && _leadership is { Shared: true })
            {
                // Taking over: fresh engines from the shared log, so no hold observed while following (or before a
                // lost connection) counts, and the latest decision is published again in case the previous leader
                // wrote it but never got it to the broker (consumers ignore an epoch they already applied).
                await FollowGroupsAsync(force: true, ct);
                foreach (var g in _catalog.FailoverGroups)
                {
                    if (await _audit.ListAsync(g.Id, 1, ct) is [var last]) _unpublished[g.Id] = last.ToRecord();
                }
            }
            _leading = true;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Brings every engine to the shared log's last epoch (the caller holds the gate).</summary>
    /// <param name="force">Recreate every engine even when its epoch matches (drops any running hold).</param>
    /// <param name="ct">Cancellation.</param>
    private async Task FollowGroupsAsync(bool force, CancellationToken ct)
    {
        var resume = await _audit.LoadResumePointsAsync(ct);
        foreach (var g in _catalog.FailoverGroups)
        {
            var (epoch, applied) = resume.ResumePoint(g.Id);
            if (!force && _engines.TryGetValue(g.Id, out var current) && current.Epoch == epoch) continue;
            var engine = new FailoverEngine(g, _options.MaxObservationGap, epoch, applied);
            _engines[g.Id] = engine;
            FailoverLog.Followed(_logger, g.Id, epoch, engine.Active);
        }
    }
}
