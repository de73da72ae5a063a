using System.Diagnostics;
using System.Globalization;
using Net = MQTTnet;

namespace Chezlepro.Mqtt.Bench;

/// <summary>
/// The reference clients: mosquitto_pub (C, libmosquitto 2.0.11), paho-mqtt 1.6.1 (Python) and MQTTnet 5.2 (.NET, in
/// process like ours, so the one a swap would be judged against).
/// </summary>
internal static class Peers
{
    private const string PahoScript = """
        import sys, time
        import paho.mqtt.client as mqtt
        port, qos, count, size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
        c = mqtt.Client(client_id="bench-paho", clean_session=True)
        c.max_inflight_messages_set(20)
        c.connect("127.0.0.1", port, 60)
        c.loop_start()
        payload = b"x" * size
        start = time.perf_counter()
        infos = [c.publish("bench/paho", payload, qos=qos) for _ in range(count)]
        for i in infos:
            i.wait_for_publish()
        elapsed = time.perf_counter() - start
        c.disconnect()
        c.loop_stop()
        print(elapsed)
        """;

    /// <summary>Seconds mosquitto_pub took to send <paramref name="count"/> lines (process start to exit).</summary>
    public static async Task<double> MosquittoPubAsync(int port, int qos, int count, int size)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-lines-{Environment.ProcessId}.txt");
        if (!File.Exists(file) || new FileInfo(file).Length != (long)count * (size + 1))
            await File.WriteAllTextAsync(file, string.Concat(Enumerable.Repeat(new string('x', size) + "\n", count)));
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        // -l: one message per stdin line; -M 20: the same in-flight window as the other two clients.
        psi.ArgumentList.Add($"mosquitto_pub -h 127.0.0.1 -p {port} -i bench-mosquitto-pub -q {qos} -M 20 -t bench/mosquitto_pub -l < {file}");
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        if (p.ExitCode != 0) throw new InvalidOperationException($"mosquitto_pub failed: {err}");
        return seconds;
    }

    /// <summary>
    /// Seconds MQTTnet's client took from the first publish to the last completion (PUBACK for QoS 1, written for QoS 0).
    /// It has no outgoing in-flight window of its own, so the bench holds 20 QoS 1 publishes in flight as the others do;
    /// QoS 0 has no acknowledgement to wait for, so every publish is started at once, as ours are.
    /// </summary>
    public static async Task<double> MqttNetAsync(int port, int qos, int count, int size)
    {
        using var client = new Net.MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new Net.MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("bench-mqttnet")
            .WithCleanSession(true)
            .WithProtocolVersion(Net.Formatter.MqttProtocolVersion.V311)
            .Build());
        var payload = new byte[size];
        Array.Fill(payload, (byte)'x');
        var message = new Net.MqttApplicationMessageBuilder()
            .WithTopic("bench/mqttnet")
            .WithPayload(payload)
            .WithQualityOfServiceLevel((Net.Protocol.MqttQualityOfServiceLevel)qos)
            .Build();
        using var window = new SemaphoreSlim(qos == 0 ? count : 20);
        async Task PublishAsync()
        {
            try
            {
                var result = await client.PublishAsync(message);
                if (!result.IsSuccess) throw new InvalidOperationException($"MQTTnet publish failed: {result.ReasonCode}");
            }
            finally
            {
                window.Release();
            }
        }
        var watch = Stopwatch.StartNew();
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            await window.WaitAsync();
            tasks[i] = PublishAsync();
        }
        await Task.WhenAll(tasks);
        var seconds = watch.Elapsed.TotalSeconds;
        await client.DisconnectAsync(new Net.MqttClientDisconnectOptionsBuilder().Build());
        return seconds;
    }

    /// <summary>Seconds paho took, measured inside Python from the first publish to the last completion.</summary>
    public static async Task<double> PahoAsync(int port, int qos, int count, int size)
    {
        var script = Path.Combine(Path.GetTempPath(), $"bench-paho-{Environment.ProcessId}.py");
        await File.WriteAllTextAsync(script, PahoScript);
        var psi = new ProcessStartInfo("/usr/bin/python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, port.ToString(CultureInfo.InvariantCulture), qos.ToString(CultureInfo.InvariantCulture),
                     count.ToString(CultureInfo.InvariantCulture), size.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"paho failed: {err}");
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
