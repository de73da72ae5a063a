using System.Reflection;
using System.Text;
using System.Text.Json;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.StatusPage.Http;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.StatusPage;

/// <summary>The read-only status endpoints of contract.md: <c>GET /</c>, <c>GET /api/status</c>, <c>GET /metrics</c>.</summary>
internal sealed class StatusEndpoints
{
    // The page is self-contained and must stay so: people on site open it with the WAN down.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly string Version =
        typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(StatusEndpoints).Assembly.GetName().Version?.ToString() ?? "0";

    private static readonly byte[] PageBytes = Encoding.UTF8.GetBytes(StatusPageHtml.Page);

    private readonly AgentState _state;
    private readonly IOutbox _outbox;
    private readonly AgentOptions _agent;
    private readonly TimeProvider _time;

    /// <summary>Creates the endpoints over the agent's live state.</summary>
    public StatusEndpoints(AgentState state, IOutbox outbox, IOptions<AgentOptions> agent, TimeProvider time)
    {
        _state = state;
        _outbox = outbox;
        _agent = agent.Value;
        _time = time;
    }

    /// <summary>Answers one request; HEAD is answered as GET, the server drops the body.</summary>
    public async Task<HttpResponse> HandleAsync(HttpRequestHead request, CancellationToken ct)
    {
        if (request.Method is not ("GET" or "HEAD"))
        {
            return HttpResponse.Text(405, "read-only: GET or HEAD") with { Headers = [("Allow", "GET, HEAD")] };
        }
        switch (request.Path)
        {
            case "/":
                return new HttpResponse(200, "text/html; charset=utf-8", PageBytes) { Headers = [("Content-Security-Policy", ContentSecurityPolicy)] };
            case "/api/status":
                var snapshot = await BuildAsync(_state, _outbox, _agent, _time, ct);
                return new HttpResponse(200, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(snapshot, StatusJsonContext.Default.StatusSnapshot));
            case "/metrics":
                var text = PrometheusFormatter.Format(await BuildAsync(_state, _outbox, _agent, _time, ct));
                return new HttpResponse(200, PrometheusFormatter.ContentType, Encoding.UTF8.GetBytes(text));
            default:
                return HttpResponse.Text(404, "not found");
        }
    }

    /// <summary>Builds the snapshot.</summary>
    public static async Task<StatusSnapshot> BuildAsync(AgentState state, IOutbox outbox, AgentOptions agent, TimeProvider time, CancellationToken ct)
    {
        var stats = await outbox.GetStatsAsync(ct);
        var now = time.GetUtcNow();
        double? oldestAge = AgeSeconds(stats.OldestCreatedAt, now);
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
            oldestAge, Version, AgeSeconds(stats.OldestUnacknowledgedAt, now), state.Resends);
    }

    private static double? AgeSeconds(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } t ? Math.Max(0, Math.Round((now - t).TotalSeconds, 1)) : null;

    private static SourceSnapshot Snapshot(SourceStatus s)
    {
        // The runner updates a status under its lock; reading under it keeps counters and times consistent.
        lock (s)
        {
            return new SourceSnapshot(s.Name, s.Type, s.Successes, s.Failures, s.ConsecutiveFailures,
                s.LastSuccessAt, Math.Round(s.LastDuration.TotalMilliseconds, 1), s.LastError, s.Interval.TotalSeconds, s.LastPollAt);
        }
    }
}
