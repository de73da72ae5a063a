using Chezlepro.Collector.Loops;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Failover;

/// <summary>
/// Runs a failover round every <see cref="FailoverOptions.Interval"/>. A store or audit fault costs one round; the
/// engines' gap rule restarts holds if it lasts.
/// </summary>
public sealed class FailoverService : PeriodicRoundService
{
    private readonly FailoverCoordinator _coordinator;
    private readonly FailoverOptions _options;

    /// <summary>Creates the service.</summary>
    public FailoverService(FailoverCoordinator coordinator, IOptions<FailoverOptions> options, TimeProvider time, LoopFailureCounters failures,
        ILogger<FailoverService> logger)
        : base(time, failures, logger)
    {
        _coordinator = coordinator;
        _options = options.Value;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => _options.Interval;

    /// <inheritdoc />
    protected override string RoundName => "failover";

    /// <inheritdoc />
    protected override bool Enabled => _options.Enabled;

    /// <inheritdoc />
    public override Task RunRoundAsync(CancellationToken cancellationToken) => _coordinator.RunRoundAsync(cancellationToken);

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the first round: epochs resume from the audit log so they never go backwards across restarts.
        await _coordinator.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }
}
