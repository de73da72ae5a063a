using Chezlepro.Collector.Failover;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Hosting;

/// <summary>
/// Runs <see cref="RunRoundAsync"/> at once, then every <see cref="Interval"/>; a failed round is logged with its
/// name and the next one runs (a store fault costs one round, never the service).
/// </summary>
public abstract class PeriodicRoundService : BackgroundService
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    protected PeriodicRoundService(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>Time between the starts of two rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Name of the round in the log (<c>failover</c>, <c>noc-nodes</c>, …).</summary>
    protected abstract string RoundName { get; }

    /// <summary>False keeps the service idle (a feature switched off in the options).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One round (tests call it directly).</summary>
    public abstract Task RunRoundAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                FailoverLog.RoundFailed(_logger, RoundName, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
