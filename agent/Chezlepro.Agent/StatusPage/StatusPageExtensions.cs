using System.Reflection;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.StatusPage;

/// <summary>Maps the read-only status endpoints of contract.md: <c>GET /</c>, <c>GET /api/status</c>, <c>GET /metrics</c>.</summary>
public static class StatusPageExtensions
{
    // The page is self-contained and must stay so: people on site open it with the WAN down.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly string Version =
        typeof(StatusPageExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(StatusPageExtensions).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>Maps the page, its JSON and the Prometheus metrics.</summary>
    public static TBuilder MapStatusPage<TBuilder>(this TBuilder app)
        where TBuilder : IEndpointRouteBuilder
    {
        app.MapGet("/", (HttpContext http) =>
        {
            SetCommonHeaders(http.Response);
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Results.Content(StatusPageHtml.Page, "text/html; charset=utf-8");
        });
        app.MapGet("/api/status", async (HttpContext http, AgentState state, IOutbox outbox, IOptions<AgentOptions> agent, TimeProvider time, CancellationToken ct) =>
        {
            SetCommonHeaders(http.Response);
            return Results.Json(await BuildAsync(state, outbox, agent.Value, time, ct), StatusJsonContext.Default.StatusSnapshot);
        });
        app.MapGet("/metrics", async (HttpContext http, AgentState state, IOutbox outbox, IOptions<AgentOptions> agent, TimeProvider time, CancellationToken ct) =>
        {
            SetCommonHeaders(http.Response);
            var snapshot = await BuildAsync(state, outbox, agent.Value, time, ct);
            return Results.Text(PrometheusFormatter.Format(snapshot), PrometheusFormatter.ContentType);
        });
        return app;
    }

    /// <summary>Builds the snapshot.</summary>
    public static async Task<StatusSnapshot> BuildAsync(AgentState state, IOutbox outbox, AgentOptions agent, TimeProvider time, CancellationToken ct)
    {
        var stats = await outbox.GetStatsAsync(ct);
        var now = time.GetUtcNow();
        double? oldestAge = stats.OldestCreatedAt is { } oldest ? Math.Max(0, Math.Round((now - oldest).TotalSeconds, 1)) : null;
        List<SourceSnapshot> sources;
        lock (state.Sources)
        {
            sources = state.Sources.Select(Snapshot).ToList();
        }
        return new StatusSnapshot(agent.Site, agent.Node, now, state.StartedAt, state.BrokerConnected, state.Session,
            state.LastPublishAt, state.Published, stats, sources,
            state.LatestSamples.Values.OrderBy(s => s.Metric, StringComparer.Ordinal).ToList(),
            state.LatestHealth.Values.OrderBy(h => h.Check, StringComparer.Ordinal)
                .Select(h => new HealthSnapshot(h.Check, h.Status, h.Summary, h.Ts)).ToList(),
            state.ActiveAlerts.Values.OrderBy(a => a.Priority).ThenBy(a => a.Id, StringComparer.Ordinal).ToList(),
            oldestAge, Version);
    }

    private static SourceSnapshot Snapshot(SourceStatus s)
    {
        // The runner updates a status under its lock; reading under it keeps counters and times consistent.
        lock (s)
        {
            return new SourceSnapshot(s.Name, s.Type, s.Successes, s.Failures, s.ConsecutiveFailures,
                s.LastSuccessAt, Math.Round(s.LastDuration.TotalMilliseconds, 1), s.LastError, s.Interval.TotalSeconds, s.LastPollAt);
        }
    }

    private static void SetCommonHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
