using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Delivery;

/// <summary>
/// In a <c>Collector:Group</c>, every <see cref="WatermarkPublisher.Window"/>: the leader reads every node's watermark from
/// the shared store and queues it (<see cref="WatermarkPublisher.SweepAsync"/>), so the rows its followers stored are
/// acknowledged within about a second too. Idle without a group, where each commit queues its own nodes.
/// </summary>
public sealed class WatermarkSweepService : PeriodicRoundService
{
    /// <summary>Name of the loop in the log and in <c>/metrics</c>.</summary>
    public const string LoopName = "watermark-sweep";

    private readonly WatermarkPublisher _publisher;
    private readonly bool _grouped;

    /// <summary>Creates the service.</summary>
    public WatermarkSweepService(WatermarkPublisher publisher, IOptions<CollectorOptions> options, TimeProvider time, LoopFailureCounters failures,
        ILogger<WatermarkSweepService> logger)
        : base(time, failures, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _publisher = publisher;
        _grouped = options.Value.Group is not null;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => WatermarkPublisher.Window;

    /// <inheritdoc />
    protected override string RoundName => LoopName;

    /// <inheritdoc />
    protected override bool Enabled => _grouped;

    /// <inheritdoc />
    public override Task RunRoundAsync(CancellationToken cancellationToken) => _publisher.SweepAsync(cancellationToken);
}
