using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>
/// paho-mqtt 1.6.1 (Debian python3-paho-mqtt, run with /usr/bin/python3) as an independent peer: a subscriber
/// that prints each message as a JSON line, or a publisher that reads JSON lines and waits for each to complete.
/// </summary>
internal sealed class PahoProcess : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, json, time
        import paho.mqtt.client as mqtt
        mode, port, client_id = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        c = mqtt.Client(client_id=client_id, clean_session=True)
        if mode == "sub":
            flt = sys.argv[4]
            c.on_connect = lambda cl, u, f, rc: cl.subscribe(flt, qos=1)
            c.on_subscribe = lambda cl, u, mid, q: print("READY", flush=True)
            def on_message(cl, u, m):
                print(json.dumps({"topic": m.topic, "payload": m.payload.hex(), "qos": m.qos, "retain": bool(m.retain)}), flush=True)
            c.on_message = on_message
            c.connect("127.0.0.1", port, 30)
            c.loop_forever()
        else:
            c.connect("127.0.0.1", port, 30)
            c.loop_start()
            print("READY", flush=True)
            for line in sys.stdin:
                line = line.strip()
                if not line:
                    continue
                if line == "END":
                    break
                m = json.loads(line)
                c.publish(m["topic"], bytes.fromhex(m["payload"]), qos=m["qos"], retain=m["retain"]).wait_for_publish()
                print("SENT", flush=True)
            c.disconnect()
            c.loop_stop()
        """;

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly string _scriptPath;

    private PahoProcess(Process process, string scriptPath)
    {
        _process = process;
        _scriptPath = scriptPath;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) _lines.Writer.TryWrite(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static bool Available => File.Exists(Python) && Process.Start(new ProcessStartInfo(Python, "-c \"import paho.mqtt.client\"")
    {
        RedirectStandardError = true,
        UseShellExecute = false,
    }) is { } p && p.WaitForExit(10_000) && p.ExitCode == 0;

    public static async Task<PahoProcess> SubscribeAsync(int port, string filter)
    {
        var paho = Start("sub", port, $"paho-sub-{Environment.ProcessId}", filter);
        await paho.WaitForAsync("READY");
        return paho;
    }

    public static async Task<PahoProcess> PublisherAsync(int port)
    {
        var paho = Start("pub", port, $"paho-pub-{Environment.ProcessId}");
        await paho.WaitForAsync("READY");
        return paho;
    }

    /// <summary>Publishes through paho and waits until paho reports the publish complete (PUBACK for QoS 1).</summary>
    public async Task PublishAsync(PahoMessage message)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new
        {
            topic = message.Topic,
            payload = Convert.ToHexString(message.Payload).ToLowerInvariant(),
            qos = message.Qos,
            retain = message.Retain,
        }));
        await _process.StandardInput.FlushAsync();
        await WaitForAsync("SENT");
    }

    /// <summary>Next message paho received, skipping control lines.</summary>
    public async Task<PahoMessage> NextMessageAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var line = await _lines.Reader.ReadAsync(cts.Token);
            if (!line.StartsWith('{')) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return new PahoMessage(r.GetProperty("topic").GetString()!, Convert.FromHexString(r.GetProperty("payload").GetString()!),
                r.GetProperty("qos").GetInt32(), r.GetProperty("retain").GetBoolean());
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            File.Delete(_scriptPath);
        }
    }

    private static PahoProcess Start(string mode, int port, string clientId, string? filter = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"paho-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, Script);
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { path, mode, port.ToString(System.Globalization.CultureInfo.InvariantCulture), clientId }) psi.ArgumentList.Add(a);
        if (filter is not null) psi.ArgumentList.Add(filter);
        return new PahoProcess(Process.Start(psi)!, path);
    }

    private async Task WaitForAsync(string marker)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await _lines.Reader.ReadAsync(cts.Token) != marker)
        {
        }
    }
}

/// <summary>A message as paho saw or should send it.</summary>
internal sealed record PahoMessage(string Topic, byte[] Payload, int Qos, bool Retain)
{
    public bool Equals(PahoMessage? other) =>
        other is not null && Topic == other.Topic && Payload.AsSpan().SequenceEqual(other.Payload) && Qos == other.Qos && Retain == other.Retain;

    public override int GetHashCode() => HashCode.Combine(Topic, Payload.Length, Qos, Retain);

    public override string ToString() => $"{Topic} [{Convert.ToHexString(Payload)}] q{Qos}{(Retain ? " r" : "")}";
}
