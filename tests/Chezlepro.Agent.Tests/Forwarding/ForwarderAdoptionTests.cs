using System.Text.Json;
using Chezlepro.Agent.Forwarding;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.Tests.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Agent.Tests.Forwarding;

/// <summary>
/// A lost outbox file (issue #15): the forwarder of a fresh outbox holds its first publish for the node's retained
/// watermark, then sends on under the adopted watermark. Fake clock for the hold.
/// </summary>
public sealed class ForwarderAdoptionTests : IAsyncLifetime
{
    private readonly OutboxFile _file = new();
    private readonly FakeMqttClient _client = new();
    private SqliteOutbox _outbox = null!;
    private Forwarder _forwarder = null!;

    public async Task InitializeAsync()
    {
        _outbox = await _file.OpenAsync();
        _forwarder = new Forwarder(_client, _outbox, new OutboxSignal(), _file.Messages, new AgentState(),
            Microsoft.Extensions.Options.Options.Create(new OutboxOptions { BatchSize = 2 }),
            Microsoft.Extensions.Options.Options.Create(new ForwardingOptions { AckTimeout = TimeSpan.FromMinutes(1) }),
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
    public async Task FreshOutbox_HoldsFirstPublish_RetainedWatermarkBelowNextSeq_EveryRowSentAboveIt()
    {
        // A WAN outage at start: the new file assigned seqs 1..5 before it could hear the node's watermark 3.
        await AppendAsync(5);
        Assert.Empty(await DrainAsync());
        Assert.True(_forwarder.HoldingFresh);

        await AckAsync(3);

        Assert.False(_forwarder.HoldingFresh);
        Assert.Equal(3, _forwarder.Watermark);
        Assert.Equal([4L, 5L, 6L, 7L, 8L], await DrainAsync());
        Assert.Equal(1, (await _outbox.GetStatsAsync(default)).SeqAdoptions);
    }

    [Fact]
    public async Task FreshOutbox_NoRetainedWatermark_SendsUnderItsOwnSeqsOnceTheHoldIsOver()
    {
        await AppendAsync(2);
        _file.Time.Advance(Forwarder.FreshHoldAfterSubAck - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await DrainAsync());

        _file.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([1L, 2L], await DrainAsync());
        Assert.False((await _outbox.GetStatsAsync(default)).HoldsFirstPublish);
        // Its own collector's first watermark, below next_seq, is an acknowledgement, not an adoption.
        await AckAsync(1);
        var stats = await _outbox.GetStatsAsync(default);
        Assert.Equal((1L, 0L, 1L), (stats.Watermark, stats.SeqAdoptions, stats.Unacknowledged));
    }

    [Fact]
    public async Task FreshOutbox_RetainedWatermarkZero_EndsTheHoldWithoutRenumbering()
    {
        await AppendAsync(2);
        await AckAsync(0);
        Assert.Equal([1L, 2L], await DrainAsync());
        Assert.Equal(0, (await _outbox.GetStatsAsync(default)).SeqAdoptions);
    }

    [Fact]
    public async Task FreshOutbox_HoldRestartsOnEveryConnection_NotHeardBeforeTheSubAck()
    {
        await AppendAsync(1);
        await _client.DisconnectAsync();
        _file.Time.Advance(TimeSpan.FromMinutes(5));
        await _client.ConnectAsync();
        Assert.Empty(await DrainAsync());
        _file.Time.Advance(Forwarder.FreshHoldAfterSubAck);
        Assert.Equal([1L], await DrainAsync());
    }

    [Fact]
    public async Task FreshOutbox_RetainedWatermarkAbove_SentRowsGoAgainRenumbered_ThenAcknowledged()
    {
        // The retained watermark arrives late, after the hold: rows already went under their own seqs.
        await PastTheHoldAsync();
        await AppendAsync(3);
        Assert.Equal([1L, 2L, 3L], await DrainAsync());

        await AckAsync(1000);

        Assert.Equal(1000, _forwarder.Watermark);
        Assert.Equal([1001L, 1002L, 1003L], await DrainAsync());
        await AppendAsync(1);
        Assert.Equal([1004L], await DrainAsync());
        await AckAsync(1004);
        var stats = await _outbox.GetStatsAsync(default);
        Assert.Equal((0L, 1004L), (stats.Unacknowledged, stats.Watermark));
    }

    [Fact]
    public async Task FreshOutbox_AdoptsWhileBatchesAreInFlight_OldPubacksDoNotSkipRenumberedRows()
    {
        await PastTheHoldAsync();
        await AppendAsync(6);
        _client.ClearPublished();
        Assert.True(await _forwarder.StepAsync(default));
        await AckAsync(50);
        Assert.Equal([51L, 52L, 53L, 54L, 55L, 56L], (await DrainAsync()).Where(s => s > 50));
    }

    [Fact]
    public async Task NonFreshOutbox_OverRangeWatermark_Ignored()
    {
        await PastTheHoldAsync();
        await AppendAsync(2);
        await DrainAsync();
        await AckAsync(1);
        await AckAsync(1000);
        Assert.Equal(1, _forwarder.Watermark);
        Assert.Equal([2L], (await _outbox.PeekAsync(0, 10, default)).Select(r => r.Seq));
    }

    private async Task PastTheHoldAsync()
    {
        _file.Time.Advance(Forwarder.FreshHoldAfterSubAck);
        await _forwarder.StepAsync(default);
        Assert.False(_forwarder.HoldingFresh);
    }

    private Task<IReadOnlyList<long>> AppendAsync(int n) => _outbox.AppendAsync(Enumerable.Range(0, n).Select(_ => OutboxFile.Json()).ToList(), default);

    private Task AckAsync(long through) => _client.DeliverAsync(_file.Messages.Topics.Ack("s", "n"),
        $$"""{"schema":1,"site":"s","node":"n","collector":"ovh","through":{{through}},"ts":"2026-11-21T14:03:11.000Z"}""");

    // Runs the loop's turns until idle; returns the payload seqs published meanwhile, in order.
    private async Task<List<long>> DrainAsync()
    {
        _client.ClearPublished();
        while (await _forwarder.StepAsync(default))
        {
        }
        return _client.Published.Where(m => !m.Topic.EndsWith("/status", StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("seq").GetInt64()).ToList();
    }
}
