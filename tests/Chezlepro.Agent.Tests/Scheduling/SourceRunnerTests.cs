using System.Text;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.Sources;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Scheduling;

public sealed class SourceRunnerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeOutbox _outbox = new();
    private readonly AgentState _state = new();

    [Fact]
    public async Task PollOnce_Reading_OneCycleAppendedWithTelemetryHealthAndAlert()
    {
        var source = new ScriptedSource("victron", _ =>
        {
            var r = new SourceReading();
            r.Samples.Add(new Sample("battery.soc", 87.5, "%"));
            r.Health.Add(new HealthReading("probe.mail", HealthStatus.Critical, "timeout"));
            r.Alerts.Add(new Alert { Id = "grid-lost", State = AlertState.Raised, Priority = Priority.P2, Source = "victron", Summary = "Panne", SummaryEn = "Grid lost" });
            return ValueTask.FromResult(r);
        });
        var configured = Configure(source, TimeSpan.FromSeconds(5));
        await CreateRunner(configured).PollOnceAsync(configured, default);

        Assert.Equal(
            ["chezlepro/v1/lanaudiere/pve1/telemetry/victron", "chezlepro/v1/lanaudiere/pve1/health/probe.mail", "chezlepro/v1/lanaudiere/pve1/alerts"],
            _outbox.Rows.Select(r => r.Topic));
        Assert.Contains("\"seq\":2", Encoding.UTF8.GetString(_outbox.Rows[1].Payload), StringComparison.Ordinal);
        Assert.Equal(1, configured.Status.Successes);
        Assert.Equal(87.5, _state.LatestSamples["battery.soc"].Value);
        Assert.True(_state.ActiveAlerts.ContainsKey("grid-lost"));
    }

    [Fact]
    public async Task PollOnce_SourceThrows_CountedNotPropagated_NothingAppended()
    {
        var configured = Configure(new ScriptedSource("eg4", _ => throw new IOException("no reply from unit 2")), TimeSpan.FromSeconds(5));
        var runner = CreateRunner(configured);
        await runner.PollOnceAsync(configured, default);
        await runner.PollOnceAsync(configured, default);

        Assert.Empty(_outbox.Rows);
        Assert.Equal((2L, 2L, "no reply from unit 2"), (configured.Status.Failures, configured.Status.ConsecutiveFailures, configured.Status.LastError));
    }

    [Fact]
    public async Task PollOnce_SourceHangs_CancelledWhenIntervalElapses()
    {
        var configured = Configure(new ScriptedSource("pve", async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return new SourceReading();
        }), TimeSpan.FromSeconds(30));
        var poll = CreateRunner(configured).PollOnceAsync(configured, default);
        Assert.False(poll.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(31));
        await poll.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("overran", configured.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OneSourceFailing_OtherKeepsPollingOnItsInterval()
    {
        var good = Configure(new ScriptedSource("host", _ => ValueTask.FromResult(Reading("host.load1", 1))), TimeSpan.FromSeconds(10));
        var bad = Configure(new ScriptedSource("eg4", _ => throw new TimeoutException("unit 3 timed out")), TimeSpan.FromSeconds(10), index: 1);
        var runner = CreateRunner(good, bad);
        using var cts = new CancellationTokenSource();
        await runner.StartAsync(cts.Token);
        await WaitUntil(() => good.Status.Successes == 1 && bad.Status.Failures == 1);
        for (var i = 2; i <= 4; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            var expected = i;
            await WaitUntil(() => good.Status.Successes == expected && bad.Status.Failures == expected);
        }
        await runner.StopAsync(default);
        Assert.Equal(4, _outbox.Rows.Count);
    }

    private static SourceReading Reading(string metric, double value)
    {
        var r = new SourceReading();
        r.Samples.Add(new Sample(metric, value));
        return r;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    private static ConfiguredSource Configure(ISource source, TimeSpan interval, int index = 0)
    {
        var configuration = new ConfigurationBuilder().Build();
        return new ConfiguredSource(new SourceDefinition(index, "test", source.Name, interval, configuration.GetSection("Sources:" + index), configuration), source,
            new SourceStatus(source.Name, "test", interval));
    }

    private SourceRunner CreateRunner(params ConfiguredSource[] sources) =>
        new(sources, _outbox, new OutboxSignal(), new MessageFactory("lanaudiere", "pve1", new TopicScheme()), _state, _time,
            NullLogger<SourceRunner>.Instance);

    private sealed class ScriptedSource(string name, Func<CancellationToken, ValueTask<SourceReading>> read) : ISource
    {
        public string Name => name;

        public ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken) => read(cancellationToken);
    }
}
