using System.Globalization;
using System.Threading.Channels;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Loops;
using Chezlepro.Hosting.Systemd;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Collector.Tests.Hosting.Systemd;

/// <summary>
/// The watchdog rule on the whole collector as <c>CollectorApp</c> builds it (SQLite store, ingest client, every
/// loop), on a fake clock: <c>WATCHDOG=1</c> at half the interval while everything turns, withheld while a round is
/// stuck or the ingest client is dead, resumed when the round returns.
/// </summary>
public sealed class CollectorWatchdogTests : IDisposable
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);
    private readonly string _dir = Directory.CreateTempSubdirectory("watchdog-").FullName;
    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingNotifier _notifier = new();
    private LoopFailureCounters? _loops;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task RoundStuck_PingsWithheld_ThenResumedWhenItReturns()
    {
        StuckRound? stuck = null;
        await using var app = Build(s => s.AddHostedService(sp => stuck = new StuckRound(_clock, sp.GetRequiredService<LoopFailureCounters>())));
        await app.StartAsync();
        _loops = app.Services.GetRequiredService<LoopFailureCounters>();
        await stuck!.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("STATUS=broker disconnected, ", await _notifier.NextAsync(), StringComparison.Ordinal);

        // Half the watchdog interval: pings while the stuck round is younger than max(2 × 5 s, 20 s).
        await AdvanceAsync(10);
        Assert.Equal("WATCHDOG=1", await _notifier.NextAsync());
        await AdvanceAsync(10);
        Assert.Equal("WATCHDOG=1", await _notifier.NextAsync());

        // 30 s in one round: stuck. A status naming it, then no ping on the next tick either.
        await AdvanceAsync(10);
        Assert.StartsWith("STATUS=wedged: stuck-test; ", await _notifier.NextAsync(), StringComparison.Ordinal);
        await AdvanceAsync(10);
        Assert.Null(await _notifier.NextAsync(TimeSpan.FromMilliseconds(500)));

        stuck.Release();
        await WaitUntilAsync(() => _loops.Stuck(_clock.GetUtcNow(), Watchdog).Count == 0);
        await AdvanceAsync(10);
        Assert.StartsWith("WATCHDOG=1\nSTATUS=broker disconnected", await _notifier.NextAsync(), StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public async Task IngestClientDead_PingsWithheld()
    {
        await using var app = Build(_ => { });
        await app.StartAsync();
        _loops = app.Services.GetRequiredService<LoopFailureCounters>();
        Assert.StartsWith("STATUS=", await _notifier.NextAsync(), StringComparison.Ordinal);
        // Nothing listens on the broker port: the client is reconnecting, which is alive.
        var client = (MqttClient)app.Services.GetRequiredService<IMqttClient>();
        await WaitUntilAsync(() => client.IsRunning);
        await AdvanceAsync(10);
        Assert.Equal("WATCHDOG=1", await _notifier.NextAsync());

        // A client whose connection loop has ended will never reconnect by itself.
        await client.StopAsync(CancellationToken.None);
        await AdvanceAsync(10);

        Assert.StartsWith($"STATUS=wedged: {CollectorLiveness.IngestLoop}; broker disconnected", await _notifier.NextAsync(), StringComparison.Ordinal);
        await AdvanceAsync(10);
        Assert.Null(await _notifier.NextAsync(TimeSpan.FromMilliseconds(500)));
        await app.StopAsync();
    }

    private WebApplication Build(Action<IServiceCollection> add) => CollectorApp.Build(
    [
        $"--Collector:DataDirectory={_dir}", "--Collector:Urls=http://127.0.0.1:0", "--Logging:File:Enabled=false",
        $"--Mqtt:Port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
    ], s =>
    {
        s.AddSingleton<TimeProvider>(_clock);
        // What AddSystemdIntegration registers under systemd, with a recording notifier instead of the socket.
        s.AddSingleton<ISystemdNotifier>(_notifier);
        s.AddSingleton<IServiceLiveness, CollectorLiveness>();
        s.AddSystemdWatchdog(new SystemdSettings(Watchdog));
        add(s);
    });

    // The rounds and the watchdog wake on the same jump of the clock, in any order: the collector's own 5 s rounds
    // must have turned at the previous jump before the next, or a jump could find them older than a real clock would.
    private async Task AdvanceAsync(int seconds)
    {
        var now = _clock.GetUtcNow();
        await WaitUntilAsync(() => _loops!.LastTurn("failover") >= now && _loops.LastTurn("noc-nodes") >= now);
        _clock.Advance(TimeSpan.FromSeconds(seconds));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition()) await Task.Delay(10, cts.Token);
    }

    /// <summary>A round that enters and does not return until released.</summary>
    private sealed class StuckRound(TimeProvider time, LoopFailureCounters loops) : PeriodicRoundService(time, loops, NullLogger.Instance)
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

        protected override string RoundName => "stuck-test";

        public void Release() => _release.TrySetResult();

        public override async Task RunRoundAsync(CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Records every state line the watchdog sends through the library's notifier interface.</summary>
    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private readonly Channel<string> _sent = Channel.CreateUnbounded<string>();

        public bool IsEnabled => true;

        public void Notify(ServiceState state) => _sent.Writer.TryWrite(state.ToString());

        public async Task<string?> NextAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
            try
            {
                return await _sent.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
