using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>
/// NOC alerts posted to Alertmanager's API v2 (<c>POST /api/v2/alerts</c>). Alertmanager keeps alerts in memory
/// only and resolves one whose <c>endsAt</c> has passed, so every raised alert is sent again every
/// <see cref="AlertmanagerOptions.ResendInterval"/> with a fresh horizon (which also restores them after an
/// Alertmanager restart), and a clear is sent with <c>endsAt</c> = the clear's time until Alertmanager has taken it.
/// The posting runs on this service's own loop, never on the caller's: an unreachable or hanging Alertmanager costs
/// neither ingest nor the MQTT sink anything. Transient faults (connection refused, no answer within
/// <see cref="AlertmanagerOptions.Timeout"/>, 429, 5xx) are retried twice within one try; a try that still fails
/// is counted and logged, and everything is sent again on the next wake (the next NOC round while news is unsent,
/// or the resend timer).
/// </summary>
public sealed class AlertmanagerSink : BackgroundService, INocSink
{
    /// <summary>The sink's name.</summary>
    public const string SinkName = "alertmanager";

    private readonly AlertmanagerOptions _options;
    private readonly NocSinkCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertmanagerSink> _logger;
    private readonly ILeadership? _leadership;
    private readonly HttpClient _http;
    private readonly Uri? _endpoint;
    private readonly ResiliencePipeline _retry;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly object _lock = new();
    private readonly Dictionary<string, (NocAlert Alert, DateTimeOffset StartsAt)> _raised = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertmanagerAlert> _cleared = new(StringComparer.Ordinal);
    private bool _failing;
    private long _version;
    private long _sentVersion;

    /// <summary>Creates the sink; no I/O (connections open on the first post).</summary>
    /// <param name="options">Validated options; without <see cref="AlertmanagerOptions.Url"/> the sink does nothing at all.</param>
    /// <param name="counters">Delivery counters.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="leadership">Only the leader posts (the NOC's rule).</param>
    public AlertmanagerSink(IOptions<AlertmanagerOptions> options, NocSinkCounters counters, TimeProvider time, ILogger<AlertmanagerSink> logger,
        ILeadership? leadership = null)
    {
        _options = options.Value;
        _counters = counters;
        _time = time;
        _logger = logger;
        _leadership = leadership;
        _endpoint = _options.Enabled ? new Uri(_options.Url.TrimEnd('/') + "/api/v2/alerts") : null;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = _options.Timeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (_options.BearerToken.Length > 0)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.BearerToken);
        else if (_options.Username.Length > 0)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}")));
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<AlertmanagerException>(e => e.IsTransient),
            })
            .Build();
        if (_options.Enabled) counters.Track(SinkName);
    }

    /// <inheritdoc />
    public string Name => SinkName;

    /// <inheritdoc />
    public void Enqueue(NocAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (_endpoint is null) return;
        lock (_lock)
        {
            if (alert.State == AlertState.Raised)
            {
                // A raise with a new text keeps its start: it is the same alert in Alertmanager (same labels).
                var startsAt = _raised.TryGetValue(alert.Id, out var known) ? known.StartsAt : alert.Ts;
                _raised[alert.Id] = (alert, startsAt);
                _cleared.Remove(alert.Id);
                _version++;
            }
            else if (_raised.Remove(alert.Id, out var raised))
            {
                _cleared[alert.Id] = ToAlertmanager(alert, raised.StartsAt, alert.Ts);
                _version++;
            }
        }
    }

    /// <inheritdoc />
    public void Drop()
    {
        // What is raised stays known, so a follower that takes over re-sends it at once; clears are the leader's to send.
        lock (_lock) _cleared.Clear();
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        // Only news wakes the loop (the NOC flushes every round); a try that failed leaves the news unsent, so the
        // next round tries again, and the resend timer covers the rest.
        bool news;
        lock (_lock) news = _version != _sentVersion;
        if (news) _wake.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_endpoint is null) return Task.CompletedTask;
        var authority = $"{_endpoint.Scheme}://{_endpoint.Authority}";
        AlertmanagerLog.Enabled(_logger, authority, _options.ResendInterval);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ResendInterval, _time);
        Task<bool>? tick = null;
        Task<bool>? wake = null;
        try
        {
            while (true)
            {
                tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
                wake ??= _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
                await Task.WhenAny(tick, wake);
                if (tick.IsCompleted)
                {
                    if (!await tick) return;
                    tick = null;
                }
                if (wake.IsCompleted)
                {
                    await wake;
                    _wake.Reader.TryRead(out _);
                    wake = null;
                }
                if (_leadership is { Shared: true, IsLeader: false }) continue;
                await SendAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Posts every raised alert and every clear not yet taken, once (with the retries of one try); tests call it directly.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        List<AlertmanagerAlert> body;
        List<string> clears;
        long version;
        lock (_lock)
        {
            version = _version;
            body = [.. _raised.Values.Select(r => ToAlertmanager(r.Alert, r.StartsAt, now + _options.Horizon)), .. _cleared.Values];
            clears = [.. _cleared.Keys];
        }
        if (body.Count == 0)
        {
            lock (_lock) _sentVersion = version;
            return;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(body, AlertmanagerJsonContext.Default.IReadOnlyListAlertmanagerAlert);
        try
        {
            await _retry.ExecuteAsync(async ct => await PostAsync(json, ct), cancellationToken);
        }
        catch (AlertmanagerException ex)
        {
            _counters.Failed(SinkName);
            _failing = true;
            AlertmanagerLog.SendFailed(_logger, body.Count, ex.Message);
            return;
        }
        _counters.Sent(SinkName, body.Count);
        if (_failing) AlertmanagerLog.Recovered(_logger, body.Count);
        _failing = false;
        lock (_lock)
        {
            // A clear taken by Alertmanager is done, unless the same id was raised again meanwhile (then it is in _raised).
            foreach (var id in clears) _cleared.Remove(id);
            _sentVersion = version;
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private async ValueTask PostAsync(byte[] json, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await _http.PostAsync(_endpoint!, content, linked.Token);
            if (response.IsSuccessStatusCode) return;
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            throw new AlertmanagerException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", transient);
        }
        catch (HttpRequestException ex)
        {
            throw new AlertmanagerException(ex.Message, transient: true);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AlertmanagerException($"no answer within {_options.Timeout}", transient: true);
        }
    }

    private AlertmanagerAlert ToAlertmanager(NocAlert alert, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var kind = alert.Id.Split(':', 2)[0];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = kind,
            ["noc_id"] = alert.Id,
            ["priority"] = alert.Priority.ToString(),
        };
        if (alert.Site is { Length: > 0 } site) labels["site"] = site;
        if (alert.Node is { Length: > 0 } node) labels["node"] = node;
        if (AlertmanagerLabels.ServiceOf(alert.Id) is { } service) labels["service"] = service;
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = alert.Summary,
            ["summary_en"] = alert.SummaryEn,
        };
        return new AlertmanagerAlert(labels, annotations, startsAt, endsAt, _options.GeneratorUrl.Length > 0 ? _options.GeneratorUrl : null);
    }
}
