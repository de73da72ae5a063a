using Chezlepro.Agent.Diagnostics;
using Chezlepro.Agent.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Scheduling;

/// <summary>
/// One periodic loop per source (node_exporter style): each poll is timed, bounded by the source's interval,
/// and its failure contained, so one failing source never stops the others.
/// </summary>
public sealed class SourceRunner : BackgroundService
{
    private readonly IReadOnlyList<ConfiguredSource> _sources;
    private readonly IOutbox _outbox;
    private readonly MessageFactory _messages;
    private readonly AgentState _state;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<SourceRunner> _logger;

    /// <summary>Creates the runner.</summary>
    public SourceRunner(IReadOnlyList<ConfiguredSource> sources, IOutbox outbox, OutboxSignal signal, MessageFactory messages, AgentState state,
        TimeProvider time, ILogger<SourceRunner> logger)
    {
        _sources = sources;
        _outbox = outbox;
        _messages = messages;
        _state = state;
        _signal = signal;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(_sources.Select(s => RunAsync(s, stoppingToken)));
        // Sources own connections (HTTP handlers, Modbus sockets, serial ports): release them once no loop runs.
        foreach (var s in _sources)
        {
            if (s.Source is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (s.Source is IDisposable disposable) disposable.Dispose();
        }
    }

    /// <summary>Polls one source once: read, append to the outbox in one transaction, record the outcome.</summary>
    internal async Task PollOnceAsync(ConfiguredSource configured, CancellationToken stoppingToken)
    {
        var status = configured.Status;
        var started = _time.GetTimestamp();
        using var overrun = new CancellationTokenSource(configured.Definition.Interval, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, overrun.Token);
        try
        {
            var reading = await configured.Source.ReadAsync(linked.Token);
            var ts = _time.GetUtcNow();
            var pending = _messages.Build(configured.Definition.Name, reading, ts);
            await _outbox.AppendAsync(pending, stoppingToken);
            _signal.Notify();
            _state.Record(reading.Samples, reading.Health.Select(h => _messages.ToHealthResult(h, 0, ts)), reading.Alerts);
            var elapsed = _time.GetElapsedTime(started);
            lock (status)
            {
                if (status.ConsecutiveFailures > 0) AgentLog.SourceRecovered(_logger, status.Name, status.ConsecutiveFailures);
                status.Successes++;
                status.ConsecutiveFailures = 0;
                status.LastSuccessAt = ts;
                status.LastPollAt = ts;
                status.LastDuration = elapsed;
                status.LastError = null;
            }
            AgentLog.SourcePolled(_logger, status.Name, (long)elapsed.TotalMilliseconds, pending.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var elapsed = _time.GetElapsedTime(started);
            var error = overrun.IsCancellationRequested ? $"overran its interval of {configured.Definition.Interval}" : ex.Message;
            lock (status)
            {
                var sameCause = status.LastError == error;
                status.Failures++;
                status.ConsecutiveFailures++;
                status.LastPollAt = _time.GetUtcNow();
                status.LastDuration = elapsed;
                status.LastError = error;
                // Log once per cause: a device that is down for a week must not fill the disk.
                if (sameCause) AgentLog.SourceStillFailing(_logger, status.Name, status.ConsecutiveFailures, error);
                else if (overrun.IsCancellationRequested) AgentLog.SourceOverran(_logger, status.Name, configured.Definition.Interval);
                else AgentLog.SourceFailed(_logger, status.Name, (long)elapsed.TotalMilliseconds, error);
            }
        }
    }

    private async Task RunAsync(ConfiguredSource configured, CancellationToken stoppingToken)
    {
        // Yield so that one source's synchronous start cannot delay the others.
        await Task.Yield();
        AgentLog.SourceStarted(_logger, configured.Definition.Name, configured.Definition.Type, configured.Definition.Interval);
        using var timer = new PeriodicTimer(configured.Definition.Interval, _time);
        try
        {
            do
            {
                configured.Status.LastLoopAt = _time.GetUtcNow();
                await PollOnceAsync(configured, stoppingToken);
                configured.Status.LastLoopAt = _time.GetUtcNow();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
