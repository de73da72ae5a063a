using Chezlepro.Collector.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Loops;

/// <summary>
/// Runs <see cref="RunRoundAsync"/> at once, then every <see cref="Interval"/>; a failed round is counted in
/// <see cref="LoopFailureCounters"/>, logged with its name, and the next one runs (a store fault costs one round,
/// never the service: an exception escaping <c>ExecuteAsync</c> would stop the whole collector).
/// </summary>
public abstract class PeriodicRoundService : BackgroundService
{
    private readonly TimeProvider _time;
    private readonly LoopFailureCounters _failures;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    protected PeriodicRoundService(TimeProvider time, LoopFailureCounters failures, ILogger logger)
    {
        _time = time;
        _failures = failures;
        _logger = logger;
    }

    /// <summary>Time between the starts of two rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Name of the round in the log and in <c>/metrics</c> (<c>failover</c>, <c>noc-nodes</c>, <c>prune</c>, …).</summary>
    protected abstract string RoundName { get; }

    /// <summary>False keeps the service idle (a feature switched off in the options).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One round (tests call it directly).</summary>
    public abstract Task RunRoundAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        _failures.Track(RoundName);
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            // Before and after each round: the systemd watchdog (Hosting/CollectorLiveness) sees a round that never returns.
            _failures.Turned(RoundName, Interval, _time.GetUtcNow());
            try
            {
                await RunRoundAsync(stoppingToken);
                _failures.Turned(RoundName, Interval, _time.GetUtcNow());
            }
            // Only our own stop ends the loop: a cancellation we did not ask for (a command or HTTP timeout) is a
            // failed round like any other.
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Counted before the log line: whoever sees the line (a test, an operator) sees the count too.
                _failures.Count(RoundName);
                _failures.Turned(RoundName, Interval, _time.GetUtcNow());
                CollectorLog.LoopFailed(_logger, RoundName, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
