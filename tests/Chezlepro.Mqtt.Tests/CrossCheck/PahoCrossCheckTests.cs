using System.Text;
using Chezlepro.Mqtt.Tests.Support;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Mqtt.Tests.CrossCheck;

/// <summary>
/// Our client against a second, independent implementation (paho-mqtt 1.6.1) through the same Mosquitto:
/// each side receives exactly what the other sent (topic, payload bytes, QoS, retain), wildcards included.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PahoCrossCheckTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync()
    {
        Assert.True(PahoProcess.Available, "paho-mqtt missing: apt-get install -y python3-paho-mqtt (run with /usr/bin/python3)");
        _broker = await MosquittoBroker.StartAsync();
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private static byte[] Payload(int i) => [.. Encoding.UTF8.GetBytes($"msg-{i}-é"), 0x00, 0xFF, (byte)i];

    [Fact]
    public async Task OurPublisher_PahoSubscriber_ReceivesExactly()
    {
        await using var ours = TestClients.Create(_broker);
        await ours.StartAsync(default);
        // Retained before paho subscribes: delivered with RETAIN=1 [MQTT-3.3.1-6/-8].
        await ours.PublishAsync(new MqttApplicationMessage("x/site1/y/status", "online"u8.ToArray(), MqttQualityOfService.AtLeastOnce, Retain: true), default);

        await using var paho = await PahoProcess.SubscribeAsync(_broker.Port, "x/+/y/#");
        var expected = new List<PahoMessage> { new("x/site1/y/status", "online"u8.ToArray(), 1, true) };
        var sent = new (string Topic, MqttQualityOfService Qos, bool Retain)[]
        {
            ("x/a/y", MqttQualityOfService.AtMostOnce, false),
            ("x/b/y/deep/er", MqttQualityOfService.AtLeastOnce, false),
            ("x//y/", MqttQualityOfService.AtLeastOnce, false),
            ("x/c/y/t", MqttQualityOfService.AtLeastOnce, true), // live: RETAIN cleared on an existing subscription [MQTT-3.3.1-9]
            ("x/a/z", MqttQualityOfService.AtLeastOnce, false), // does not match
            ("x/a/y/empty", MqttQualityOfService.AtLeastOnce, false),
        };
        for (var i = 0; i < sent.Length; i++)
        {
            var payload = sent[i].Topic.EndsWith("empty", StringComparison.Ordinal) ? [] : Payload(i);
            await ours.PublishAsync(new MqttApplicationMessage(sent[i].Topic, payload, sent[i].Qos, sent[i].Retain), default);
            if (sent[i].Topic != "x/a/z") expected.Add(new PahoMessage(sent[i].Topic, payload, (int)sent[i].Qos, false));
        }
        var received = new List<PahoMessage>();
        for (var i = 0; i < expected.Count; i++) received.Add(await paho.NextMessageAsync());
        Assert.Equal(expected, received);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => paho.NextMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task PahoPublisher_OurSubscriber_ReceivesExactly()
    {
        await using var paho = await PahoProcess.PublisherAsync(_broker.Port);
        await paho.PublishAsync(new PahoMessage("p/site2/status", "retained"u8.ToArray(), 1, true));

        var collector = new MessageCollector();
        await using var ours = TestClients.Create(_broker);
        ours.MessageHandler = collector.Handler;
        await ours.StartAsync(default);
        await ours.SubscribeAsync([new MqttTopicFilter("p/+/status"), new MqttTopicFilter("p/t/#", MqttQualityOfService.AtMostOnce)], default);

        var expected = new List<PahoMessage> { new("p/site2/status", "retained"u8.ToArray(), 1, true) };
        var sent = new[]
        {
            new PahoMessage("p/site3/status", Payload(1), 1, false),
            new PahoMessage("p/site3/status", Payload(2), 0, false),
            new PahoMessage("p/t", Payload(3), 1, false), // '#' also matches the parent level
            new PahoMessage("p/t/a/b", Payload(4), 1, false), // granted QoS 0 caps delivery [MQTT-3.8.4-6]
            new PahoMessage("p/other", Payload(5), 1, false),
        };
        foreach (var m in sent) await paho.PublishAsync(m);
        expected.Add(sent[0]);
        expected.Add(sent[1]);
        expected.Add(sent[2] with { Qos = 0 });
        expected.Add(sent[3] with { Qos = 0 });

        var received = new List<PahoMessage>();
        for (var i = 0; i < expected.Count; i++)
        {
            var m = await collector.NextAsync();
            received.Add(new PahoMessage(m.Topic, m.Payload.ToArray(), (int)m.QualityOfService, m.Retain));
        }
        Assert.Equal(expected, received);
        Assert.Null(await collector.NextOrNullAsync(TimeSpan.FromMilliseconds(300)));
    }
}
