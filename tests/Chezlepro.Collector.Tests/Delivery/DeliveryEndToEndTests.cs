using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Chezlepro.Collector.Hosting;
using Chezlepro.Collector.Ingest;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Collector.Tests.Delivery;

/// <summary>
/// A real Mosquitto, the real collector host and a client playing an agent: the retained ack follows what is stored,
/// and the delivery endpoint and /metrics show the hole until it fills.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DeliveryEndToEndTests : IAsyncLifetime
{
    private const string Reader = "reader-key-0123456789abcdef";
    private const string Telemetry = "chezlepro/v1/lanaudiere/pve1/telemetry/victron";
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("delivery-").FullName;
    private readonly Channel<DeliveryAck> _acks = Channel.CreateUnbounded<DeliveryAck>();
    private MosquittoBroker _broker = null!;
    private WebApplication _app = null!;
    private MqttClient _agent = null!;
    private MqttClient _watcher = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        _app = CollectorApp.Build([
            "--Collector:Id=ovh", $"--Collector:DataDirectory={_dir}", $"--Collector:Urls={url}", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={_broker.Port}",
            $"--Api:Keys:0:Key={Reader}", "--Api:Keys:0:Role=reader", "--Logging:File:Enabled=false",
        ]);
        var ingest = _app.Services.GetRequiredService<IngestService>();
        await _app.StartAsync();
        await ingest.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        _http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Reader);
        _agent = new MqttClient(new MqttClientOptions { Port = _broker.Port, ClientId = "chezlepro-agent-lanaudiere-pve1" }, NullLogger<MqttClient>.Instance, TimeProvider.System);
        _watcher = new MqttClient(new MqttClientOptions { Port = _broker.Port, ClientId = "ack-watcher" }, NullLogger<MqttClient>.Instance, TimeProvider.System);
        _watcher.MessageHandler = (m, _) =>
        {
            _acks.Writer.TryWrite(JsonSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.DeliveryAck)!);
            return Task.CompletedTask;
        };
        await _watcher.SubscribeAsync([new MqttTopicFilter("chezlepro/v1/+/+/ack")], default);
        await _watcher.StartAsync(default);
        await _agent.StartAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _watcher.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _broker.DisposeAsync();
        _http.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private Task Send(long seq) => _agent.PublishAsync(new MqttApplicationMessage(Telemetry, JsonSerializer.SerializeToUtf8Bytes(new TelemetryBatch
    {
        Site = "lanaudiere", Node = "pve1", Seq = seq, Ts = T0.AddSeconds(seq), Source = "victron", Samples = [new Sample("battery.soc", 80, "%")],
    }, ContractJsonContext.Default.TelemetryBatch)), default);

    private async Task<DeliveryAck> AckThrough(long through)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var ack = await _acks.Reader.ReadAsync(timeout.Token);
            Assert.True(ack.Through <= through, $"ack through {ack.Through} passed {through}");
            if (ack.Through == through) return ack;
        }
    }

    [Fact]
    public async Task HoleThenFilled_AckFollowsStoredAndEndpointShowsTheHole()
    {
        foreach (var seq in new long[] { 1, 2, 4, 5 }) await Send(seq);
        var ack = await AckThrough(2);
        Assert.Equal(("lanaudiere", "pve1", "ovh"), (ack.Site, ack.Node, ack.Collector));

        var delivery = await _http.GetFromJsonAsync<JsonElement>("/api/v1/sites/lanaudiere/nodes/pve1/delivery");
        Assert.Equal((2, 5), (delivery.GetProperty("watermark").GetInt64(), delivery.GetProperty("lastReceivedSeq").GetInt64()));
        var hole = Assert.Single(delivery.GetProperty("missing").EnumerateArray());
        Assert.Equal((3, 3, 1, false), (hole.GetProperty("from").GetInt64(), hole.GetProperty("to").GetInt64(), hole.GetProperty("count").GetInt64(),
            hole.GetProperty("explained").GetBoolean()));
        var metrics = await _http.GetStringAsync("/metrics");
        Assert.Contains("chezlepro_delivery_watermark{site=\"lanaudiere\",node=\"pve1\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("chezlepro_delivery_missing_messages{site=\"lanaudiere\",node=\"pve1\",explained=\"false\"} 1", metrics, StringComparison.Ordinal);

        await Send(3);
        await AckThrough(5);
        delivery = await _http.GetFromJsonAsync<JsonElement>("/api/v1/sites/lanaudiere/nodes/pve1/delivery");
        Assert.Equal(5, delivery.GetProperty("watermark").GetInt64());
        Assert.Empty(delivery.GetProperty("missing").EnumerateArray());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _http.GetAsync("/api/v1/sites/lanaudiere/nodes/nope/delivery")).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/sites/lanaudiere/nodes/pve1/delivery")).StatusCode);
        Assert.Contains("\"/api/v1/sites/{site}/nodes/{node}/delivery\"", await anonymous.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedPayloadAndGapsNotice_PassedByTheWatermark_RetainedAckReachesALateSubscriber()
    {
        await Send(1);
        await _agent.PublishAsync(new MqttApplicationMessage(Telemetry, Encoding.UTF8.GetBytes("""{"schema":9,"seq":2}""")), default);
        await _agent.PublishAsync(new MqttApplicationMessage("chezlepro/v1/lanaudiere/pve1/gaps", JsonSerializer.SerializeToUtf8Bytes(new GapsNotice
        {
            Site = "lanaudiere", Node = "pve1", Seq = 9, Ts = T0.AddMinutes(5),
            Evicted = new EvictedRange { From = 3, To = 8, Count = 6, Reason = EvictedRange.ReasonAge },
        }, ContractJsonContext.Default.GapsNotice)), default);
        await AckThrough(9);

        var delivery = await _http.GetFromJsonAsync<JsonElement>("/api/v1/sites/lanaudiere/nodes/pve1/delivery");
        var evicted = Assert.Single(delivery.GetProperty("missing").EnumerateArray());
        Assert.Equal((3, 8, true, "age"), (evicted.GetProperty("from").GetInt64(), evicted.GetProperty("to").GetInt64(),
            evicted.GetProperty("explained").GetBoolean(), evicted.GetProperty("reason").GetString()));
        Assert.Equal(1, delivery.GetProperty("rejected").GetProperty("count").GetInt64());
        Assert.Equal(2, delivery.GetProperty("rejected").GetProperty("last")[0].GetProperty("seq").GetInt64());

        // A reconnecting agent subscribes to its own ack topic and gets the retained watermark at once.
        var late = Channel.CreateUnbounded<DeliveryAck>();
        await using var agent = new MqttClient(new MqttClientOptions { Port = _broker.Port, ClientId = "late-agent" }, NullLogger<MqttClient>.Instance, TimeProvider.System);
        agent.MessageHandler = (m, _) =>
        {
            late.Writer.TryWrite(JsonSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.DeliveryAck)!);
            return Task.CompletedTask;
        };
        await agent.SubscribeAsync([new MqttTopicFilter("chezlepro/v1/lanaudiere/pve1/ack")], default);
        await agent.StartAsync(default);
        Assert.Equal(9, (await late.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Through);
    }
}
