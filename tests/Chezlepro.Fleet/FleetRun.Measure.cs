using System.Diagnostics;
using Chezlepro.Fleet.Harness;
using Chezlepro.Fleet.Simulation;
using Chezlepro.Testing.Mosquitto;

namespace Chezlepro.Fleet;

internal sealed partial class FleetRun
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(30);

    /// <summary>The measured window: ticks, faults and API probes for <c>--minutes</c>, CPU read at both ends.</summary>
    private async Task<FleetResult> MeasureAsync(FleetCollector collector, MosquittoBroker broker)
    {
        var pid = collector.Pid ?? throw new InvalidOperationException("collector not started");
        var outages = new Queue<Outage>(FaultSchedule.Outages(options));
        var restores = new List<(TimeSpan At, SimulatedNode Node)>();
        var run = TimeSpan.FromMinutes(options.Minutes);
        var restartAt = options.BrokerRestart ? run / 2 : (TimeSpan?)null;
        var month = TorontoMonth();
        var probes = new[] { new ApiProbe(collector.Http, "/api/v1/sites", options.ApiPollInterval), new ApiProbe(collector.Http, $"/api/v1/sla/{month}", options.ApiPollInterval) };

        var collectorCpu = ProcessCpu.Seconds(pid) ?? 0;
        var brokerCpu = broker.Pid is { } bp ? ProcessCpu.Seconds(bp) : null;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        using var stopProbes = new CancellationTokenSource();
        var probing = probes.Select(p => p.RunAsync(stopProbes.Token)).ToList();
        var nextReport = ReportEvery;
        while (sw.Elapsed < run)
        {
            if (!collector.IsRunning) throw new InvalidOperationException("the collector exited during the run");
            var now = _time.GetUtcNow();
            foreach (var n in _nodes) n.Tick(now);
            while (outages.TryPeek(out var o) && o.At <= sw.Elapsed)
            {
                outages.Dequeue();
                _nodes[o.Node].CutCable();
                restores.Add((o.At + o.Length, _nodes[o.Node]));
            }
            foreach (var r in restores.Where(r => r.At <= sw.Elapsed).ToList())
            {
                r.Node.RestoreCable();
                restores.Remove(r);
            }
            if (restartAt is { } at && sw.Elapsed >= at)
            {
                restartAt = null;
                await progress.WriteLineAsync("broker restart (SIGTERM, no persistence)");
                await broker.StopAsync();
                await broker.StartAgainAsync();
                brokerCpu = null; // a new process: its CPU is no longer comparable
            }
            if (sw.Elapsed >= nextReport)
            {
                nextReport += ReportEvery;
                await progress.WriteLineAsync(FormattableString.Invariant(
                    $"{sw.Elapsed.TotalMinutes:F1} min: captured {_nodes.Sum(n => n.LastSeq):N0}, published {_nodes.Sum(n => n.Published):N0}, waiting for watermark {_nodes.Sum(n => n.Pending):N0}, connected {_nodes.Count(n => n.IsConnected)}/{_nodes.Count}, cut {_nodes.Count(n => n.IsCut)}, client loops ended {_nodes.Count(n => !n.ClientRunning)}"));
            }
            await Task.Delay(TickEvery);
        }
        var elapsed = sw.Elapsed;
        var collectorCpuUsed = (ProcessCpu.Seconds(pid) ?? collectorCpu) - collectorCpu;
        double? brokerCpuUsed = brokerCpu is { } b && broker.Pid is { } bp2 && ProcessCpu.Seconds(bp2) is { } b2 ? b2 - b : null;
        var generatorCpuUsed = (Process.GetCurrentProcess().TotalProcessorTime - generatorCpu).TotalSeconds;
        await stopProbes.CancelAsync();
        await Task.WhenAll(probing);
        return new FleetResult
        {
            Options = options,
            Run = elapsed,
            CollectorCpuSeconds = collectorCpuUsed,
            BrokerCpuSeconds = brokerCpuUsed,
            GeneratorCpuSeconds = generatorCpuUsed,
            CollectorPeakRssKb = 0,
            Captured = _nodes.Sum(n => n.LastSeq),
            Published = _nodes.Sum(n => n.Published),
            AckDelayP50 = _ackDelays.Percentile(50),
            AckDelayP99 = _ackDelays.Percentile(99),
            AckDelaySamples = _ackDelays.Count,
            StoreDelayP50 = double.NaN,
            StoreDelayP99 = double.NaN,
            StoredRows = 0,
            SitesP50 = probes[0].Latency.Percentile(50),
            SitesP99 = probes[0].Latency.Percentile(99),
            SitesPolls = probes[0].Latency.Count,
            SlaP50 = probes[1].Latency.Percentile(50),
            SlaP99 = probes[1].Latency.Percentile(99),
            SlaPolls = probes[1].Latency.Count,
            ApiFailures = probes.Sum(p => p.Failures),
            StoreGrowthBytes = 0,
            Outages = options.OutageCount,
            Reconnects = _nodes.Sum(n => n.Connects) - _nodes.Count,
            Drain = TimeSpan.Zero,
            NodesAccounted = 0,
            SeqUnacknowledged = 0,
            SeqMissingAtCollector = 0,
        };
    }

    private string TorontoMonth()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
        return TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }
}
