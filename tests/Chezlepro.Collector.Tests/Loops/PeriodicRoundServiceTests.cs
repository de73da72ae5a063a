using System.Threading.Channels;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Chezlepro.Collector.Tests.Loops;

/// <summary>The loop every periodic collector service runs: what a failed round costs, and what ends the loop.</summary>
public sealed class PeriodicRoundServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly LoopFailureCounters _failures = new();
    private readonly CapturedLogs _logs = new();

    [Fact]
    public async Task Round_Throws_CountedLoggedWithItsName_NextRoundRuns()
    {
        using var rounds = Rounds(_ => throw new InvalidOperationException("store fault"), _ => Task.CompletedTask);
        await rounds.StartAsync(default);
        Assert.Equal(1, await rounds.Started.ReadAsync().AsTask().WaitAsync(Timeout));

        _time.Advance(ScriptedRounds.Every);

        Assert.Equal(2, await rounds.Started.ReadAsync().AsTask().WaitAsync(Timeout));
        Assert.Equal(1, _failures.Get("scripted"));
        var logged = Assert.Single(_logs.All, e => e.EventId == 8010);
        Assert.Equal(("scripted", "store fault"), (logged.Properties["Loop"], logged.Properties["Error"]));
        await rounds.StopAsync(default);
        Assert.False(rounds.ExecuteTask!.IsFaulted);
    }

    [Fact]
    public async Task Round_CancelledByItsOwnTimeout_IsAFailedRound_NotTheEndOfTheLoop()
    {
        using var rounds = Rounds(_ => throw new TaskCanceledException("command timeout"), _ => Task.CompletedTask);
        await rounds.StartAsync(default);
        await rounds.Started.ReadAsync().AsTask().WaitAsync(Timeout);

        _time.Advance(ScriptedRounds.Every);

        Assert.Equal(2, await rounds.Started.ReadAsync().AsTask().WaitAsync(Timeout));
        Assert.Equal(1, _failures.Get("scripted"));
        await rounds.StopAsync(default);
    }

    [Fact]
    public async Task Stop_DuringARound_EndsTheLoopWithoutAFailure()
    {
        using var rounds = Rounds(ct => Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct));
        await rounds.StartAsync(default);
        await rounds.Started.ReadAsync().AsTask().WaitAsync(Timeout);

        await rounds.StopAsync(default);

        Assert.False(rounds.ExecuteTask!.IsFaulted);
        Assert.Equal([KeyValuePair.Create("scripted", 0L)], _failures.Snapshot());
        Assert.DoesNotContain(_logs.All, e => e.EventId == 8010);
    }

    [Fact]
    public async Task Disabled_NeitherRunsNorShowsInTheCounters()
    {
        using var rounds = Rounds(_ => Task.CompletedTask);
        rounds.On = false;
        await rounds.StartAsync(default);
        await rounds.ExecuteTask!.WaitAsync(Timeout);
        Assert.False(rounds.Started.TryRead(out _));
        Assert.Empty(_failures.Snapshot());
    }

    private ScriptedRounds Rounds(params Func<CancellationToken, Task>[] script) =>
        new(script, _time, _failures, _logs.CreateLogger("scripted"));

    /// <summary>Plays one step of the script per round (the last one repeats) and reports each round's number.</summary>
    private sealed class ScriptedRounds(Func<CancellationToken, Task>[] script, TimeProvider time, LoopFailureCounters failures, ILogger logger)
        : PeriodicRoundService(time, failures, logger)
    {
        public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
        private readonly Channel<int> _started = Channel.CreateUnbounded<int>();
        private int _round;

        public ChannelReader<int> Started => _started.Reader;

        public bool On { get; set; } = true;

        protected override TimeSpan Interval => Every;

        protected override string RoundName => "scripted";

        protected override bool Enabled => On;

        public override Task RunRoundAsync(CancellationToken cancellationToken)
        {
            var round = ++_round;
            _started.Writer.TryWrite(round);
            return script[Math.Min(round, script.Length) - 1](cancellationToken);
        }
    }
}
