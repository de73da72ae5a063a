using System.Net;
using System.Net.Sockets;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Noc.Alertmanager;
using Chezlepro.Collector.Noc.Mqtt;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc.Alertmanager;

/// <summary>
/// The NOC stream through the publisher into a real Alertmanager (Debian <c>prometheus-alertmanager</c>) on a loopback
/// port, beside the MQTT sink: raise, de-duplication, resolve, Alertmanager restart, Alertmanager down or hanging.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AlertmanagerSinkTests : IAsyncLifetime
{
    private const string Id = "node-offline:lanaudiere/pve1";
    private readonly NocSinkCounters _counters = new();
    private readonly IMqttClient _mqtt = Substitute.For<IMqttClient>();
    private AlertmanagerProcess _am = null!;

    public async Task InitializeAsync() => _am = await AlertmanagerProcess.StartAsync();

    public async Task DisposeAsync() => await _am.DisposeAsync();

    [Fact]
    public async Task Raise_VisibleWithLabelsAndTexts_RaisedTwiceIsOneAlert_ResolveEndsIt()
    {
        using var sink = Sink(_am.Url);
        var noc = Publisher(sink);
        await sink.StartAsync(default);

        await noc.OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve1", true, default), default);
        var alert = Assert.Single(await EventuallyAsync(Id, n => n == 1));
        var labels = alert.GetProperty("labels");
        Assert.Equal(("node-offline", "lanaudiere", "pve1", "P2"), (labels.GetProperty("alertname").GetString(), labels.GetProperty("site").GetString(),
            labels.GetProperty("node").GetString(), labels.GetProperty("priority").GetString()));
        Assert.Equal("active", alert.GetProperty("status").GetProperty("state").GetString());
        Assert.Contains("pve1", alert.GetProperty("annotations").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(alert.GetProperty("annotations").GetProperty("summary_en").GetString()));

        // The same raise again, past the book and straight through the sink, twice: Alertmanager keeps one alert.
        sink.Enqueue(NocAlertTexts.NodeOffline("lanaudiere", "pve1", true, DateTimeOffset.UtcNow));
        await sink.SendAsync(default);
        await sink.SendAsync(default);
        Assert.Single(await _am.AlertsAsync(Id));

        await noc.OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve1", false, default), default);
        await EventuallyAsync(Id, n => n == 0);
        Assert.Equal(0, Failures);
        await sink.StopAsync(default);
    }

    [Fact]
    public async Task AlertmanagerRestarted_RaisedAlertIsSentAgainAndActive()
    {
        // The resend timer on a fake clock: nothing is re-sent until the test moves it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var sink = Sink(_am.Url, time: clock);
        var noc = Publisher(sink);
        await sink.StartAsync(default);
        await noc.OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve1", true, default), default);
        await EventuallyAsync(Id, n => n == 1);

        // Alertmanager keeps alerts in memory only: after a crash (same port, same storage) it knows none.
        await _am.KillAsync();
        await _am.StartAgainAsync();
        Assert.Empty(await _am.AlertsAsync(Id));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(await EventuallyAsync(Id, n => n == 1));
        await sink.StopAsync(default);
    }

    [Fact]
    public async Task AlertmanagerDown_FailuresCounted_MqttSinkAndIngestUnaffected()
    {
        await _am.KillAsync();
        using var sink = Sink(_am.Url);
        var noc = Publisher(sink);
        await sink.StartAsync(default);

        await noc.OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve1", true, default), default);
        await noc.OnAgentAlertAsync(AgentAlert(), default);
        await noc.TickAsync(default);

        await _mqtt.Received(2).PublishAsync(Arg.Any<MqttApplicationMessage>(), Arg.Any<CancellationToken>());
        await WaitUntilAsync(() => Failures > 0);
        Assert.Contains(("mqtt", 2L, 0L), _counters.Snapshot());

        // Back: the next wake sends what was kept.
        await _am.StartAgainAsync();
        await noc.OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve2", true, default), default);
        await EventuallyAsync(Id, n => n == 1);
        await sink.StopAsync(default);
    }

    [Fact]
    public async Task AlertmanagerHanging_PublisherReturnsAndMqttPublishesWhileThePostWaits()
    {
        // Accepts connections and never answers: the worst peer, a post that only a timeout ends.
        using var hanging = new TcpListener(IPAddress.Loopback, 0);
        hanging.Start();
        var accepted = hanging.AcceptTcpClientAsync();
        using var sink = Sink($"http://127.0.0.1:{((IPEndPoint)hanging.LocalEndpoint).Port}", timeout: TimeSpan.FromSeconds(30));
        var noc = Publisher(sink);
        await sink.StartAsync(default);

        await noc.OfferAsync(NocAlertTexts.NodeOffline("lanaudiere", "pve1", true, default), default);
        using var connection = await accepted.WaitAsync(TimeSpan.FromSeconds(30));

        // The post is in flight (connected, unanswered); ingest's path and the NOC rounds go on.
        await noc.OnAgentAlertAsync(AgentAlert(), default);
        await noc.TickAsync(default);

        await _mqtt.Received(2).PublishAsync(Arg.Any<MqttApplicationMessage>(), Arg.Any<CancellationToken>());
        Assert.Equal(0, Failures);
        await sink.StopAsync(default);
    }

    private long Failures => _counters.Snapshot().Single(c => c.Sink == AlertmanagerSink.SinkName).Failures;

    private AlertmanagerSink Sink(string url, TimeSpan? timeout = null, TimeProvider? time = null) => new(
        Microsoft.Extensions.Options.Options.Create(new AlertmanagerOptions { Url = url, ResendInterval = TimeSpan.FromSeconds(1), Timeout = timeout ?? TimeSpan.FromSeconds(2) }),
        _counters, time ?? TimeProvider.System, NullLogger<AlertmanagerSink>.Instance);

    private NocPublisher Publisher(AlertmanagerSink sink) =>
        new([new MqttNocSink(_mqtt, new TopicScheme(), _counters, NullLogger.Instance), sink], TimeProvider.System);

    private static AlertEvent AgentAlert() => new()
    {
        Site = "lanaudiere", Node = "pve1", Seq = 1, Ts = DateTimeOffset.UtcNow,
        Alert = new Alert { Id = "grid-lost", State = AlertState.Raised, Priority = Priority.P2, Source = "victron", Summary = "Panne", SummaryEn = "Grid lost" },
    };

    private async Task<IReadOnlyList<System.Text.Json.JsonElement>> EventuallyAsync(string id, Func<int, bool> count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var alerts = await _am.AlertsAsync(id);
            if (count(alerts.Count)) return alerts;
            await Task.Delay(100, cts.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition()) await Task.Delay(20, cts.Token);
    }
}
