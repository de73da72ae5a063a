using System.Diagnostics;
using Chezlepro.Testing.Delivery;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Delivery.Bench;

/// <summary>
/// One agent drains a pre-filled outbox of <c>count</c> telemetry rows (250–400 bytes) to the collector, acknowledged
/// end to end (timed from the agent's start to the collector's watermark at the last seq). The peer, same broker, same
/// run: mosquitto_pub -l QoS 1 pushing the same payloads to a mosquitto_sub QoS 1 (timed until the subscriber has them all).
/// </summary>
internal static class DrainBench
{
    private const string Site = "bench";
    private const string Node = "drain";

    public static async Task<int> RunAsync(int count)
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 10000000"] });
        var peer = await PeerAsync(broker.Port, count);
        Console.WriteLine(FormattableString.Invariant($"peer mosquitto_pub -> mosquitto_sub (QoS 1): {count:N0} messages in {peer.TotalSeconds:F2} s = {count / peer.TotalSeconds:F0} msg/s"));

        using var collector = new BenchCollector(broker.Port);
        await collector.StartAsync();
        var seeding = Stopwatch.StartNew();
        using var agent = await BenchAgent.CreateAsync(Site, Node, broker.Port, count);
        var before = agent.OutboxBytes();
        Console.WriteLine(FormattableString.Invariant($"outbox seeded with {count:N0} rows in {seeding.Elapsed.TotalSeconds:F1} s: {before / 1048576.0:F1} MiB"));

        var collectorCpu = ProcessCpu.Seconds(collector.Pid) ?? 0;
        var sw = Stopwatch.StartNew();
        agent.Start();
        var targets = new[] { (Site, Node, agent.LastSeeded) };
        var timeout = TimeSpan.FromSeconds(120 + (count / 1000));
        // Where the time goes: the broker's PUBACKs for the whole backlog (agent side) against the watermark (end to end).
        var published = agent.WaitPublishedAsync(count, timeout).ContinueWith(_ => sw.Elapsed, TaskScheduler.Default);
        await collector.WaitForWatermarksAsync(targets, timeout, () => agent.Log + collector.Log);
        var drain = sw.Elapsed;
        var cpu = (Agent: ProcessCpu.Seconds(agent.Pid) ?? 0, Collector: (ProcessCpu.Seconds(collector.Pid) ?? 0) - collectorCpu);
        Console.WriteLine(FormattableString.Invariant($"agent had every row PUBACKed after {(await published).TotalSeconds:F2} s"));
        var peakKb = agent.PeakRssKb() ?? 0;
        Console.WriteLine(FormattableString.Invariant($"CPU during the drain: agent {cpu.Agent:F1} s (with its start-up), collector {cpu.Collector:F1} s; wall {drain.TotalSeconds:F1} s"));
        Console.WriteLine(FormattableString.Invariant($"agent -> collector, acknowledged: {count:N0} messages in {drain.TotalSeconds:F2} s = {count / drain.TotalSeconds:F0} msg/s (includes the agent's start-up)"));

        // The rows go once the watermark covers them; the file gives its pages back by its own prune pass, which runs
        // once a minute: the size is read once it has held for longer than that.
        var after = await SettledSizeAsync(agent, TimeSpan.FromSeconds(150));
        Console.WriteLine(FormattableString.Invariant($"agent peak RSS (VmHWM) {peakKb / 1024.0:F1} MiB (target < 150 MiB)"));
        Console.WriteLine(FormattableString.Invariant($"outbox file (db + wal) {before / 1048576.0:F1} MiB before, {after / 1048576.0:F2} MiB after"));
        var ratio = peer / drain;
        Console.WriteLine(FormattableString.Invariant($"ratio agent/peer throughput {ratio:F2}x (target >= 0.8)"));
        await agent.StopAsync();
        Console.WriteLine(ratio >= 0.8 && peakKb < 150 * 1024 ? "TARGET MET" : "TARGET MISSED");
        return 0;
    }

    private static async Task<TimeSpan> PeerAsync(int port, int count)
    {
        // mosquitto_pub -l reads stdin faster than it publishes and, at end of input, can leave before the last queued
        // messages are out (seen at 1,000,000 lines): the payloads go in chunks, one mosquitto_pub each, in turn.
        const int chunk = 50_000;
        var files = new List<string>();
        try
        {
            var payloads = OutboxSeed.Payloads(Site, "peer", 1, count, 250, 400, TimeProvider.System.GetUtcNow()).GetEnumerator();
            for (var written = 0; written < count; written += chunk)
            {
                var file = Path.GetTempFileName();
                files.Add(file);
                await using var writer = File.Create(file);
                for (var i = 0; i < chunk && payloads.MoveNext(); i++)
                {
                    writer.Write(payloads.Current);
                    writer.WriteByte((byte)'\n');
                }
            }
            using var sub = Tool("mosquitto_sub", port, "-t", "bench/peer", "-q", "1", "-C", $"{count}", "-i", "bench-peer-sub");
            var drain = sub.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            await Task.Delay(1000); // the subscription in place before the first publish (a bench, not a test)
            var sw = Stopwatch.StartNew();
            foreach (var file in files)
            {
                using var pub = Tool("mosquitto_pub", port, "-t", "bench/peer", "-q", "1", "-l", "-i", "bench-peer-pub");
                await using (var input = File.OpenRead(file)) await input.CopyToAsync(pub.StandardInput.BaseStream);
                pub.StandardInput.Close();
                await pub.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await sub.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                sub.Kill();
                throw new InvalidOperationException("the peer's subscriber did not get every message within 60 s of the last publish");
            }
            var elapsed = sw.Elapsed;
            await drain;
            return elapsed;
        }
        finally
        {
            foreach (var file in files) File.Delete(file);
        }
    }

    private static Process Tool(string name, int port, params string[] args)
    {
        var psi = new ProcessStartInfo(name) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardInput = name == "mosquitto_pub" };
        foreach (var a in (string[])["-h", "127.0.0.1", "-p", $"{port}", .. args]) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    private static async Task<long> SettledSizeAsync(BenchAgent agent, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        var last = agent.OutboxBytes();
        var stableFor = 0;
        while (sw.Elapsed < limit && stableFor < 65)
        {
            await Task.Delay(1000);
            var now = agent.OutboxBytes();
            stableFor = now == last ? stableFor + 1 : 0;
            last = now;
        }
        return last;
    }
}
