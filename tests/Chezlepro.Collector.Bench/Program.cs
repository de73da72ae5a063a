using System.Diagnostics;
using System.Globalization;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Sla;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// The monthly SLA report for 1,000 services with a month of 30-s checks (target: under 1 s). The peer, timed in the
/// same run, is one plain pass summing every interval's duration: the least any report over these rows must do.
/// Usage: chezlepro-collector-bench [services=1000] [runs=7]; <c>ingest</c> for the ingest benchmark (IngestBench.cs),
/// <c>ingest-rate</c> for the highest offered rate each store keeps up with (IngestRateBench.cs),
/// <c>pgquery</c> for the PostgreSQL read targets (PostgresQueryBench.cs), <c>evidence</c> for the size of a year of evidence journal (EvidenceBench.cs),
/// <c>group</c> for two collectors against one on one PostgreSQL (GroupBench.cs), <c>engines</c> for one collector held to a CPU
/// quota on SQLite and then on PostgreSQL (EnginesBench.cs), <c>footprint</c> for the collector's
/// resident memory and CPU idle and under the ingest stream beside Mosquitto's (FootprintBench.cs).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ingest") return IngestBench.RunAsync(args).GetAwaiter().GetResult();
        if (args.Length > 0 && args[0] == "ingest-rate") return IngestRateBench.RunAsync(args).GetAwaiter().GetResult();
        if (args.Length > 0 && args[0] == "evidence") return EvidenceBench.RunAsync(args).GetAwaiter().GetResult();
        if (args.Length > 0 && args[0] == "group") return GroupBench.RunAsync(args).GetAwaiter().GetResult();
        if (args.Length > 0 && args[0] == "engines") return EnginesBench.RunAsync(args).GetAwaiter().GetResult();
        if (args.Length > 0 && args[0] == "footprint") return FootprintBench.RunAsync(args).GetAwaiter().GetResult();
        if (args.Length > 0 && args[0] == "pgquery") return PostgresQueryBench.RunAsync(args).GetAwaiter().GetResult();
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var month = MonthPeriod.Parse("2026-03"); // the spring-forward month
        var from = month.Start(LocalTime.Toronto);
        var to = month.End(LocalTime.Toronto);
        var now = to.AddDays(1);

        var gen = Stopwatch.StartNew();
        var fleet = new SyntheticFleet(services, from, to, seed: 20260308);
        gen.Stop();
        Console.WriteLine(FormattableString.Invariant($"fleet: {services} services, {fleet.Catalog.Contracts.Count} contracts, {fleet.Intervals.Count:N0} state intervals ({fleet.Intervals.Count / (double)services:F0}/service), {fleet.Windows.Count} windows; generated in {gen.ElapsedMilliseconds} ms"));

        var report = SlaReportBuilder.Build(month, fleet.Catalog, fleet.Intervals, fleet.Windows, now); // warm-up (JIT)
        var csv = SlaCsvWriter.ToCsv(report);
        var peer = Peer(fleet.Intervals);

        var reportMs = new List<double>();
        var peerMs = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            report = SlaReportBuilder.Build(month, fleet.Catalog, fleet.Intervals, fleet.Windows, now);
            sw.Stop();
            reportMs.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            peer = Peer(fleet.Intervals);
            sw.Stop();
            peerMs.Add(sw.Elapsed.TotalMilliseconds);
        }

        var sw2 = Stopwatch.StartNew();
        csv = SlaCsvWriter.ToCsv(report);
        sw2.Stop();
        reportMs.Sort();
        peerMs.Sort();
        var credits = report.Contracts.Count(c => c.Tranches > 0);
        Console.WriteLine(FormattableString.Invariant($"report (index + {services} services + {report.Contracts.Count} contracts): min {reportMs[0]:F1} ms, median {reportMs[runs / 2]:F1} ms, max {reportMs[^1]:F1} ms over {runs} runs"));
        Console.WriteLine(FormattableString.Invariant($"peer (one pass summing every interval): median {peerMs[runs / 2]:F2} ms; ratio report/peer {reportMs[runs / 2] / peerMs[runs / 2]:F1}x"));
        Console.WriteLine(FormattableString.Invariant($"csv: {csv.Length:N0} chars in {sw2.Elapsed.TotalMilliseconds:F1} ms; contracts with a credit: {credits}; checksum {peer.TotalHours:F0} h"));
        Console.WriteLine(reportMs[runs / 2] < 1000 ? "TARGET MET: median under 1 s" : "TARGET MISSED: median 1 s or more");
        return 0;
    }

    private static TimeSpan Peer(List<CheckStateInterval> intervals)
    {
        long ticks = 0;
        foreach (var i in intervals) ticks += ((i.To ?? i.LastSeen) - i.From).Ticks;
        return TimeSpan.FromTicks(ticks);
    }
}
