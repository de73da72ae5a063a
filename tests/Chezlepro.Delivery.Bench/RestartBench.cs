using System.Diagnostics;
using System.Text.Json.Nodes;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Delivery.Bench;

/// <summary>
/// <c>agents</c> agents each publish a backlog of <c>perAgent</c> rows while the collector is stopped (the broker
/// queues them on its durable session); the collector starts, and the clock runs until every agent's watermark is
/// at its last seq. The agents' acknowledgement timeout is raised to 10 min so the measure is the collector's catch-up,
/// not a re-send cycle started while the backlog was still being published.
/// </summary>
internal static class RestartBench
{
    public static async Task<int> RunAsync(int agents, int perAgent)
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 100000000"] });
        using var collector = new BenchCollector(broker.Port);
        await collector.StartAsync(); // creates its durable session, then goes away
        await collector.StopAsync();

        var nodes = new List<BenchAgent>();
        try
        {
            for (var i = 0; i < agents; i++)
            {
                var agent = await BenchAgent.CreateAsync("bench", $"node{i:D2}", broker.Port, perAgent);
                agent.AmendConfig(c => c["Forwarding"] = new JsonObject { ["AckTimeout"] = "00:10:00" });
                nodes.Add(agent);
            }
            var publish = Stopwatch.StartNew();
            foreach (var n in nodes) n.Start();
            await Task.WhenAll(nodes.Select(n => n.WaitPublishedAsync(n.LastSeeded, TimeSpan.FromSeconds(60 + (perAgent / 100)))));
            Console.WriteLine(FormattableString.Invariant($"{agents} agents published {agents * (long)perAgent:N0} messages to the broker in {publish.Elapsed.TotalSeconds:F1} s (collector stopped)"));

            var sw = Stopwatch.StartNew();
            await collector.StartAsync();
            var up = sw.Elapsed;
            var targets = nodes.Select(n => (n.Site, n.Node, n.LastSeeded)).ToList();
            await collector.WaitForWatermarksAsync(targets, TimeSpan.FromSeconds(120 + (agents * (long)perAgent / 1000)), () => collector.Log);
            var total = sw.Elapsed;
            Console.WriteLine(FormattableString.Invariant($"collector restart -> every watermark current: {total.TotalSeconds:F1} s ({up.TotalSeconds:F1} s of start-up) for {agents} x {perAgent:N0} = {agents * (long)perAgent / total.TotalSeconds:F0} msg/s"));
            var peakMb = nodes.Max(n => n.PeakRssKb() ?? 0) / 1024.0;
            Console.WriteLine(FormattableString.Invariant($"largest agent peak RSS {peakMb:F1} MiB"));
        }
        finally
        {
            foreach (var n in nodes) n.Dispose();
        }
        return 0;
    }
}
