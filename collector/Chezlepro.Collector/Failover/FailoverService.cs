using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Failover;

/// <summary>Runs a failover round every <see cref="FailoverOptions.Interval"/>; a failed round is logged and the next one runs.</summary>
public sealed class FailoverService : BackgroundService
{
    private readonly FailoverCoordinator _coordinator;
    private readonly FailoverOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FailoverService> _logger;

    /// <summary>Creates the service.</summary>
    public FailoverService(FailoverCoordinator coordinator, IOptions<FailoverOptions> options, TimeProvider time, ILogger<FailoverService> logger)
    {
        _coordinator = coordinator;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the first round: epochs resume from the audit log so they never go backwards across restarts.
        await _coordinator.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        using var timer = new PeriodicTimer(_options.Interval, _time);
        do
        {
            try
            {
                await _coordinator.RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store or audit fault costs one round; the engines' gap rule restarts holds if it lasts.
                FailoverLog.RoundFailed(_logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
