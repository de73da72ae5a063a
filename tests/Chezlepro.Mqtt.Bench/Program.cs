using System.Diagnostics;
using System.Globalization;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Mqtt.Bench;

/// <summary>
/// Chezlepro.Mqtt against mosquitto_pub, paho-mqtt and MQTTnet's client, same broker, same run, 200-byte payloads,
/// in-flight window 20 for all four (issues 3 and 18). Rates are messages/s from first publish to last completion (PUBACK for QoS 1, written
/// for QoS 0); mosquitto_pub's time includes its process start. Latency is publish→PUBACK as seen on the wire by a
/// relay every client goes through in a separate run. Each figure is the median of <c>--runs</c> runs.
/// Usage: dotnet run -c Release -- [--count 20000] [--runs 3]
/// </summary>
public static class Program
{
    private const int Size = 200;

    public static async Task<int> Main(string[] args)
    {
        var count = Arg(args, "--count", 20_000);
        var runs = Arg(args, "--runs", 3);
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 0", "set_tcp_nodelay true"] });
        await using var proxy = new LatencyProxy(broker.Port);
        Console.WriteLine($"Mosquitto 2.0.11 on 127.0.0.1:{broker.Port}; {count} messages of {Size} bytes; median of {runs} runs; window 20");

        // Warm-up: JIT and broker caches.
        await OursAsync(broker.Port, 1, 2000);
        await Peers.MqttNetAsync(broker.Port, 1, 2000, Size);
        await Peers.MosquittoPubAsync(broker.Port, 1, 2000, Size);

        var rows = new List<Row>();
        foreach (var (name, run) in new (string, Func<int, int, int, Task<double>>)[]
                 {
                     ("mosquitto_pub", (port, qos, n) => Peers.MosquittoPubAsync(port, qos, n, Size)),
                     ("Chezlepro.Mqtt", (port, qos, n) => OursAsync(port, qos, n)),
                     ("paho-mqtt 1.6.1", (port, qos, n) => Peers.PahoAsync(port, qos, n, Size)),
                     ("MQTTnet 5.2", (port, qos, n) => Peers.MqttNetAsync(port, qos, n, Size)),
                 })
        {
            var qos1 = new List<double>();
            var qos0 = new List<double>();
            var latencies = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                qos1.Add(count / await run(broker.Port, 1, count));
                qos0.Add(count / await run(broker.Port, 0, count));
            }
            proxy.TakeLatencies();
            await run(proxy.Port, 1, count);
            latencies.AddRange(proxy.TakeLatencies());
            rows.Add(new Row(name, Median(qos1), Median(qos0), Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count));
        }

        var reference = rows[0];
        Console.WriteLine();
        Console.WriteLine($"{"client",-16} {"QoS1 msg/s",11} {"×mosq_pub",9} {"QoS0 msg/s",11} {"×mosq_pub",9} {"p50 ms",8} {"p99 ms",8} {"acks seen",9}");
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-16} {r.Qos1,11:F0} {r.Qos1 / reference.Qos1,9:F2} {r.Qos0,11:F0} {r.Qos0 / reference.Qos0,9:F2} {r.P50,8:F3} {r.P99,8:F3} {r.Samples,9}"));
        var ours = rows[1];
        var paho = rows[2];
        var mqttNet = rows[3];
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Targets: QoS1 ≥ 0.80 × mosquitto_pub: {ours.Qos1 / reference.Qos1:F2} {(ours.Qos1 >= 0.8 * reference.Qos1 ? "MET" : "MISSED")}; " +
            $"faster than paho: {ours.Qos1 / paho.Qos1:F2}× {(ours.Qos1 > paho.Qos1 ? "MET" : "MISSED")}"));
        // The swap question (architecture.md, Dependencies): the in-process .NET alternative against ours, same broker, same run.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Chezlepro.Mqtt ÷ MQTTnet: QoS1 rate {ours.Qos1 / mqttNet.Qos1:F2}×, QoS0 rate {ours.Qos0 / mqttNet.Qos0:F2}×, " +
            $"p50 {ours.P50 / mqttNet.P50:F2}×, p99 {ours.P99 / mqttNet.P99:F2}× (latency: lower is better)"));
        return 0;
    }

    private static async Task<double> OursAsync(int port, int qos, int count)
    {
        await using var client = new MqttClient(new MqttClientOptions
        {
            Port = port,
            ClientId = "bench-chezlepro",
            MaxInflight = 20,
        }, NullLogger<MqttClient>.Instance, TimeProvider.System);
        await client.StartAsync(default);
        var payload = new byte[Size];
        Array.Fill(payload, (byte)'x');
        var message = new MqttApplicationMessage("bench/chezlepro", payload, (MqttQualityOfService)qos);
        var watch = Stopwatch.StartNew();
        var tasks = new Task[count];
        for (var i = 0; i < count; i++) tasks[i] = client.PublishAsync(message, default);
        await Task.WhenAll(tasks);
        var seconds = watch.Elapsed.TotalSeconds;
        await client.StopAsync(default);
        return seconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Percentile(List<double> values, double p) =>
        values.Count == 0 ? double.NaN : values.Order().ElementAt(Math.Min(values.Count - 1, (int)(p * values.Count)));

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Row(string Name, double Qos1, double Qos0, double P50, double P99, int Samples);
}
