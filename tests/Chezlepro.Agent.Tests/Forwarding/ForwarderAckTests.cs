using System.Text;
using Chezlepro.Agent.Forwarding;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.Tests.Outbox;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Forwarding;

/// <summary>The forwarder's acknowledgement state machine: a fake broker, a real outbox file, a fake clock.</summary>
public sealed class ForwarderAckTests : IAsyncLifetime
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(1);
    private readonly OutboxFile _file = new();
    private readonly FakeMqttClient _client = new();
    private readonly AgentState _state = new();
    private SqliteOutbox _outbox = null!;
    private Forwarder _forwarder = null!;

    private string AckTopic => _file.Messages.Topics.Ack("s", "n");

    public async Task InitializeAsync()
    {
        _outbox = await _file.OpenAsync();
        // These cases are about a file past its start (ForwarderAdoptionTests cover a fresh file's hold).
        await _outbox.ReleaseFreshHoldAsync(default);
        _forwarder = new Forwarder(_client, _outbox, new OutboxSignal(), _file.Messages, _state,
            Microsoft.Extensions.Options.Options.Create(new OutboxOptions { BatchSize = 2 }),
            Microsoft.Extensions.Options.Options.Create(new ForwardingOptions { AckTimeout = AckTimeout }),
            _file.Time, NullLogger<Forwarder>.Instance);
        await _forwarder.StartDeliveryAsync(default);
        await _client.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        _forwarder.Dispose();
        await _file.DisposeAsync();
    }

    [Fact]
    public void Start_SubscribesToThisNodesAckTopicAtQos1()
    {
        Assert.Equal([new MqttTopicFilter("chezlepro/v1/s/n/ack", MqttQualityOfService.AtLeastOnce)], _client.Subscriptions);
    }

    [Fact]
    public async Task Puback_MarksSent_DoesNotDelete()
    {
        await AppendAsync(3);
        Assert.Equal([1L, 2L, 3L], await DrainAsync());
        var stats = await _outbox.GetStatsAsync(default);
        Assert.Equal((0L, 3L), (stats.Depth, stats.Unacknowledged));
    }

    [Fact]
    public async Task Watermark_DeletesThroughOnly()
    {
        await AppendAsync(3);
        await DrainAsync();
        await AckAsync(2);
        Assert.Equal([3L], (await _outbox.PeekAsync(0, 10, default)).Select(r => r.Seq));
        Assert.Equal(2, _forwarder.Watermark);
    }

    [Fact]
    public async Task Reconnect_ResendsFromThroughPlusOne_InSeqOrder()
    {
        await AppendAsync(5);
        await DrainAsync();
        await AckAsync(2);
        await _client.DisconnectAsync();
        await AppendAsync(1);
        await _client.ConnectAsync();
        Assert.Equal([3L, 4L, 5L, 6L], await DrainAsync());
        Assert.Equal(3, _state.Resends);
    }

    [Fact]
    public async Task PubackOfAnEarlierPass_LateAfterReconnect_DoesNotSkipTheResend()
    {
        await AppendAsync(3);
        _client.HoldPubacks = true;
        // Batches [1,2] and [3] queued ahead of their PUBACKs; the third turn waits for the first batch's.
        Assert.True(await _forwarder.StepAsync(default));
        Assert.True(await _forwarder.StepAsync(default));
        var waiting = _forwarder.StepAsync(default);
        await _client.DisconnectAsync();
        _client.HoldPubacks = false;
        await _client.ConnectAsync();
        _client.ReleaseHeld();
        Assert.True(await waiting);
        Assert.Equal([1L, 2L, 3L], await DrainAsync());
    }

    [Fact]
    public async Task Pipeline_ManyBatches_AllSentInOrderAndMarked()
    {
        await AppendAsync(41);
        Assert.Equal(Enumerable.Range(1, 41).Select(i => (long)i), await DrainAsync());
        var stats = await _outbox.GetStatsAsync(default);
        Assert.Equal((0L, 41L, 41L), (stats.Depth, stats.Unacknowledged, _state.Published));
    }

    [Fact]
    public async Task AckTimeout_ResendsOncePerPass_NotAgainRightAway()
    {
        await AppendAsync(3);
        await DrainAsync();
        _file.Time.Advance(AckTimeout - TimeSpan.FromSeconds(1));
        Assert.Empty(await DrainAsync());
        _file.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([1L, 2L, 3L], await DrainAsync());
        Assert.Empty(await DrainAsync());
        // Unanswered, the next pass waits twice as long: a collector that never acknowledges costs a bounded re-send.
        _file.Time.Advance(AckTimeout);
        Assert.Empty(await DrainAsync());
        _file.Time.Advance(AckTimeout);
        Assert.Equal([1L, 2L, 3L], await DrainAsync());
    }

    [Fact]
    public async Task AckTimeout_WatermarkMoving_NoResend_ThenFromThroughPlusOne()
    {
        await AppendAsync(6);
        await DrainAsync();
        var step = TimeSpan.FromSeconds(40);
        _file.Time.Advance(step);
        await AckAsync(2);
        _file.Time.Advance(step);
        Assert.Empty(await DrainAsync());
        await AckAsync(4);
        _file.Time.Advance(step);
        Assert.Empty(await DrainAsync());
        _file.Time.Advance(AckTimeout - step);
        Assert.Equal([5L, 6L], await DrainAsync());
        Assert.Equal(2, _state.Resends);
    }

    [Fact]
    public async Task HighestWatermarkWins_OlderAckFromSlowerCollectorIgnored()
    {
        await AppendAsync(6);
        await DrainAsync();
        await AckAsync(4, "ovh");
        await AckAsync(2, "lanaudiere");
        Assert.Equal(4, _forwarder.Watermark);
        await _client.DisconnectAsync();
        await _client.ConnectAsync();
        Assert.Equal([5L, 6L], await DrainAsync());
    }

    [Fact]
    public async Task ForeignOrOverRangeOrUnreadableAck_Ignored()
    {
        await AppendAsync(3);
        await DrainAsync();
        _file.EndFreshness();
        await _client.DeliverAsync(AckTopic, """{"schema":1,"site":"x","node":"n","collector":"ovh","through":2,"ts":"2026-11-21T14:03:11.000Z"}""");
        await AckAsync(4);
        await _client.DeliverAsync(AckTopic, "{not json");
        await _client.DeliverAsync(AckTopic, "");
        Assert.Equal(0, _forwarder.Watermark);
        Assert.Equal(3, (await _outbox.GetStatsAsync(default)).Unacknowledged);
        await AckAsync(3);
        Assert.Equal(0, (await _outbox.GetStatsAsync(default)).Unacknowledged);
    }

    [Fact]
    public async Task Restart_WatermarkRestored_ResendsOnlyAboveIt()
    {
        await AppendAsync(4);
        await DrainAsync();
        await AckAsync(3);
        var client = new FakeMqttClient();
        using var restarted = new Forwarder(client, _outbox, new OutboxSignal(), _file.Messages, new AgentState(),
            Microsoft.Extensions.Options.Options.Create(new OutboxOptions()),
            Microsoft.Extensions.Options.Options.Create(new ForwardingOptions()), _file.Time, NullLogger<Forwarder>.Instance);
        await restarted.StartDeliveryAsync(default);
        await client.ConnectAsync();
        while (await restarted.StepAsync(default))
        {
        }
        Assert.Equal([4L], Seqs(client));
    }

    private Task<IReadOnlyList<long>> AppendAsync(int n) => _outbox.AppendAsync(Enumerable.Range(0, n).Select(_ => OutboxFile.Msg()).ToList(), default);

    private Task AckAsync(long through, string collector = "ovh") => _client.DeliverAsync(AckTopic,
        $$"""{"schema":1,"site":"s","node":"n","collector":"{{collector}}","through":{{through}},"ts":"2026-11-21T14:03:11.000Z"}""");

    // Runs the loop's turns until idle; returns the outbox seqs published meanwhile, in order.
    private async Task<List<long>> DrainAsync()
    {
        _client.ClearPublished();
        while (await _forwarder.StepAsync(default))
        {
        }
        return Seqs(_client);
    }

    private static List<long> Seqs(FakeMqttClient client) =>
        client.Published.Where(m => !m.Topic.EndsWith("/status", StringComparison.Ordinal))
            .Select(m => long.Parse(Encoding.UTF8.GetString(m.Payload.Span)["seq=".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
