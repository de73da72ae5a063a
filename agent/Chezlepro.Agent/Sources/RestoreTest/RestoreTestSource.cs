using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>
/// <c>restore.&lt;name&gt;</c> per sample. A run starts when due (<c>FirstRunDelay</c> after start-up, then every
/// <c>TestInterval</c> after the last run, kept across restarts) and goes on in the background: a restore takes far
/// longer than a poll may. Every poll re-reports the last result of each sample, so the check never goes stale at the
/// collector between weekly runs.
/// </summary>
internal sealed class RestoreTestSource : ISource, IAsyncDisposable
{
    private readonly string _name;
    private readonly RestoreTestSettings _settings;
    private readonly RestoreRunner _runner;
    private readonly RestoreStateFile _file;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private RestoreState? _state;
    private DateTimeOffset _startedAt;
    private Task? _run;

    public RestoreTestSource(string name, RestoreTestSettings settings, RestoreRunner runner, TimeProvider time, ILogger logger)
    {
        _name = name;
        _settings = settings;
        _runner = runner;
        _file = new RestoreStateFile(settings.StateFile, logger);
        _time = time;
        _logger = logger;
    }

    public string Name => _name;

    /// <summary>When the next run is due; null before the first read.</summary>
    public DateTimeOffset? DueAt
    {
        get
        {
            lock (_gate)
                return _state is null ? null : Due(_state);
        }
    }

    /// <summary>The run in progress, if any (tests wait on it).</summary>
    internal Task? Running
    {
        get
        {
            lock (_gate)
                return _run;
        }
    }

    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        if (_state is null)
        {
            var loaded = await _file.LoadAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _state = loaded;
                _startedAt = _time.GetUtcNow();
            }
            var due = Due(loaded);
            RestoreTestLog.Scheduled(_logger, _name, due);
        }
        var now = _time.GetUtcNow();
        var reading = new SourceReading();
        lock (_gate)
        {
            if (_run is { IsCompleted: true })
                _run = null;
            if (_run is null && now >= Due(_state))
                _run = Task.Run(() => RunAllAsync(now), CancellationToken.None);
            // Only configured samples: one removed from the configuration stops being reported.
            foreach (var result in _state.Results.Where(r => _settings.Samples.Any(s => s.Name == r.Name)))
                reading.Health.Add(result.ToReading());
        }
        return reading;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (Running is { } run)
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _runner.Dispose();
        _stopping.Dispose();
    }

    private DateTimeOffset Due(RestoreState state)
    {
        var first = _startedAt + _settings.FirstRunDelay;
        return state.LastRunAt is { } last && last + _settings.TestInterval > first ? last + _settings.TestInterval : first;
    }

    private async Task RunAllAsync(DateTimeOffset startedAt)
    {
        try
        {
            foreach (var sample in _settings.Samples)
            {
                var result = await _runner.RunAsync(sample, _stopping.Token).ConfigureAwait(false);
                if (result.Outcome == RestoreResult.Ok)
                    RestoreTestLog.Finished(_logger, sample.Check, result.Snapshot, result.Archive, result.Outcome, result.Bytes, result.DurationSeconds);
                else
                    RestoreTestLog.NotPassed(_logger, sample.Check, result.Outcome, result.ReasonEn ?? "");
                lock (_gate)
                {
                    _state!.Results.RemoveAll(r => r.Name == sample.Name);
                    _state.Results.Add(result);
                }
                await SaveAsync().ConfigureAwait(false);
            }
            lock (_gate)
                _state!.LastRunAt = startedAt;
            await SaveAsync().ConfigureAwait(false);
            var next = Due(_state!);
            RestoreTestLog.Scheduled(_logger, _name, next);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The agent stops: the run is not recorded and comes again after FirstRunDelay at the next start.
        }
        catch (Exception ex)
        {
            // A bug must not go unobserved in a task nobody awaits; the next poll starts a new run after FirstRunDelay.
            RestoreTestLog.RunCrashed(_logger, _name, ex.Message);
        }
    }

    private Task SaveAsync()
    {
        RestoreState copy;
        lock (_gate)
            copy = new RestoreState { LastRunAt = _state!.LastRunAt, Results = [.. _state.Results] };
        return _file.SaveAsync(copy, CancellationToken.None);
    }
}
