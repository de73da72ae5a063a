using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// The leader publishes the head at start and at each Toronto midnight (the head then closes the day that ended; the
/// round runs every minute, so it is taken within a minute of midnight), and prunes what retention lets go once a day.
/// A failed publication is retried at the next round.
/// </summary>
public sealed class EvidenceHeadService : PeriodicRoundService
{
    /// <summary>Name of the loop in the log and in <c>/metrics</c>.</summary>
    public const string LoopName = "evidence-head";

    private readonly EvidenceHeadPublisher _publisher;
    private readonly EvidenceJournal _journal;
    private readonly ILeadership _leadership;
    private readonly EvidenceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _publishes;
    private DateOnly? _day;

    /// <summary>Creates the service.</summary>
    public EvidenceHeadService(EvidenceHeadPublisher publisher, EvidenceJournal journal, ILeadership leadership, IOptions<EvidenceOptions> options,
        TimeProvider time, LoopFailureCounters failures, ILogger<EvidenceHeadService> logger)
        : base(time, failures, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _publisher = publisher;
        _publishes = publisher.Publishes;
        _journal = journal;
        _leadership = leadership;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override string RoundName => LoopName;

    /// <inheritdoc />
    public override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        if (!_leadership.IsLeader) return;
        var now = _time.GetUtcNow();
        var today = LocalTime.DateOf(now, LocalTime.Toronto);
        if (_day == today) return;
        // At start (or on becoming leader) the head of the day so far; after midnight the head closing the day before.
        var (_, published) = await _publisher.PublishAsync(_day is null ? today : today.AddDays(-1), cancellationToken);
        var pruned = await _journal.PruneAsync(now - _options.Retention, cancellationToken);
        if (pruned > 0) EvidenceLog.Pruned(_logger, pruned, now - _options.Retention);
        // Unpublished (no broker): kept and logged, and tried again next round until a copy leaves the collector.
        if (published || !_publishes) _day = today;
    }
}
