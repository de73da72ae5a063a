using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.StatusPage;

/// <summary>Maps the read-only status endpoints.</summary>
public static class StatusPageExtensions
{
    /// <summary>Maps <c>GET /api/status</c>.</summary>
    public static WebApplication MapStatusPage(this WebApplication app)
    {
        app.MapGet("/api/status", async (AgentState state, IOutbox outbox, IOptions<AgentOptions> agent, TimeProvider time, CancellationToken ct) =>
            Results.Json(await BuildAsync(state, outbox, agent.Value, time, ct), StatusJsonContext.Default.StatusSnapshot));
        return app;
    }

    /// <summary>Builds the snapshot.</summary>
    public static async Task<StatusSnapshot> BuildAsync(AgentState state, IOutbox outbox, AgentOptions agent, TimeProvider time, CancellationToken ct)
    {
        var stats = await outbox.GetStatsAsync(ct);
        return new StatusSnapshot(agent.Site, agent.Node, time.GetUtcNow(), state.StartedAt, state.BrokerConnected, state.Session,
            state.LastPublishAt, state.Published, stats,
            state.Sources.Select(s => new SourceSnapshot(s.Name, s.Type, s.Successes, s.Failures, s.ConsecutiveFailures,
                s.LastSuccessAt, Math.Round(s.LastDuration.TotalMilliseconds, 1), s.LastError)).ToList(),
            state.LatestSamples.Values.OrderBy(s => s.Metric, StringComparer.Ordinal).ToList(),
            state.LatestHealth.Values.OrderBy(h => h.Check, StringComparer.Ordinal)
                .Select(h => new HealthSnapshot(h.Check, h.Status, h.Summary, h.Ts)).ToList(),
            state.ActiveAlerts.Values.OrderBy(a => a.Priority).ThenBy(a => a.Id, StringComparer.Ordinal).ToList());
    }
}
