using System.Diagnostics;
using Chezlepro.Contracts.Topics;
using Chezlepro.Fleet.Harness;
using Chezlepro.Fleet.Simulation;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Postgres;
using Npgsql;

namespace Chezlepro.Fleet;

/// <summary>
/// One fleet run: Mosquitto and the collector (and PostgreSQL with <c>--store postgres</c>) as processes on loopback,
/// the simulated nodes in this process, the fault schedule, the API probes; then every node drained and accounted for.
/// </summary>
internal sealed partial class FleetRun(FleetOptions options, TextWriter progress)
{
    private static readonly TimeSpan TickEvery = TimeSpan.FromMilliseconds(100);
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly LatencyRecorder _ackDelays = new();
    private readonly List<SimulatedNode> _nodes = [];

    public async Task<FleetResult> RunAsync()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { ExtraLines = ["max_queued_messages 1000000"] });
        await using var postgres = options.Store == "postgres" ? await PostgresServer.StartAsync() : null;
        var connectionString = postgres is null ? null : new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = true }.ToString();
        var identities = Enumerable.Range(0, options.Nodes)
            .Select(i => (Site: $"s{i / options.NodesPerSite:D3}", Node: $"n{i:D4}")).ToList();
        using var collector = new FleetCollector(broker.Port, FleetCatalog.Build(identities, NodePayloads.ServiceCheck), connectionString);
        await collector.StartAsync(TimeSpan.FromMinutes(2));
        var store = new StoreProbe(postgres is null ? collector.SqlitePath : null, connectionString);
        var sizeBefore = await store.SizeAsync();
        try
        {
            await StartNodesAsync(identities, broker.Port);
            var measured = await MeasureAsync(collector, broker);
            var drain = await DrainAsync();
            var peakRss = collector.PeakRssKb() ?? 0;
            var (accounted, missing) = await AccountAsync(collector);
            var (storeDelays, rows) = await store.DelaysAsync(IsLive);
            await StopNodesAsync();
            if (postgres is null) await collector.StopAsync(); // the WAL folds back into the file
            var growth = await store.SizeAsync() - sizeBefore;
            return measured with
            {
                CollectorPeakRssKb = peakRss,
                Drain = drain,
                NodesAccounted = accounted,
                SeqUnacknowledged = _nodes.Sum(n => n.LastSeq - n.Watermark),
                SeqMissingAtCollector = missing,
                StoreDelayP50 = storeDelays.Percentile(50),
                StoreDelayP99 = storeDelays.Percentile(99),
                StoredRows = rows,
                StoreGrowthBytes = growth,
                Backlog = _nodes.Sum(n => (long)n.BacklogCount),
            };
        }
        catch
        {
            await progress.WriteLineAsync("collector log (tail):\n" + Tail(collector.Log));
            throw;
        }
        finally
        {
            await StopNodesAsync();
            foreach (var n in _nodes) await n.DisposeAsync();
        }
    }

    private bool IsLive(string site, string node, long seq)
    {
        var index = int.Parse(node.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        return index < _nodes.Count && !_nodes[index].IsBacklog(seq);
    }

    private async Task StartNodesAsync(List<(string Site, string Node)> identities, int brokerPort)
    {
        var topics = new TopicScheme();
        var start = _time.GetUtcNow();
        for (var i = 0; i < identities.Count; i++)
        {
            var schedule = new NodeSchedule(new Random((options.Seed * 1_000_003) + i), options.Speed, start);
            _nodes.Add(new SimulatedNode(new NodePayloads(topics, identities[i].Site, identities[i].Node), brokerPort, schedule, _ackDelays, _time));
        }
        // In waves: a thousand CONNECTs at once is a broker restart's storm, not the steady state being measured.
        var sw = Stopwatch.StartNew();
        foreach (var wave in _nodes.Chunk(50)) await Task.WhenAll(wave.Select(n => n.StartAsync(CancellationToken.None)));
        await progress.WriteLineAsync(FormattableString.Invariant($"{_nodes.Count} nodes connected in {sw.Elapsed.TotalSeconds:F1} s"));
    }

    private async Task StopNodesAsync()
    {
        foreach (var wave in _nodes.Chunk(100)) await Task.WhenAll(wave.Select(n => n.StopAsync()));
    }

    /// <summary>After the run: no more captures, every cable back; waits until each node's watermark is its last seq.</summary>
    private async Task<TimeSpan> DrainAsync()
    {
        foreach (var n in _nodes) n.RestoreCable();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < options.DrainTimeout && _nodes.Any(n => n.Pending > 0))
        {
            var now = _time.GetUtcNow();
            foreach (var n in _nodes) n.Tick(now, capture: false);
            await Task.Delay(TickEvery);
        }
        var left = _nodes.Count(n => n.Pending > 0);
        await progress.WriteLineAsync(FormattableString.Invariant($"drain: {sw.Elapsed.TotalSeconds:F1} s, {left} nodes still waiting for their watermark"));
        return sw.Elapsed;
    }

    /// <summary>Asks the collector's delivery endpoint about every node: watermark at the node's last seq, nothing missing.</summary>
    private async Task<(int Accounted, long Missing)> AccountAsync(FleetCollector collector)
    {
        var accounted = 0;
        long missing = 0;
        foreach (var n in _nodes)
        {
            var delivery = await collector.DeliveryAsync(n.Payloads.Site, n.Payloads.Node);
            if (delivery is not { } d)
            {
                missing += n.LastSeq;
                continue;
            }
            missing += d.Missing + Math.Max(0, n.LastSeq - d.Watermark);
            if (d.Watermark == n.LastSeq && d.Missing == 0) accounted++;
        }
        return (accounted, missing);
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];
}
