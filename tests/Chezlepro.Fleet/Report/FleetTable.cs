using System.Globalization;

namespace Chezlepro.Fleet.Report;

/// <summary>The run's figures as a Markdown table (pasted as is into the README's Fleet section).</summary>
internal static class FleetTable
{
    public static string Render(FleetResult r)
    {
        var o = r.Options;
        var rows = new List<(string, string)>
        {
            ("fleet", F($"{o.Nodes:N0} nodes ({o.Nodes / o.NodesPerSite} sites), store {o.Store}, seed {o.Seed}, speed {o.Speed:0.##}x, {r.Run.TotalMinutes:F1} min wall = {r.SimulatedDays * 24 * 60:F0} min of schedule")),
            ("messages", F($"{r.Captured:N0} captured ({r.Captured / r.Run.TotalSeconds:F0}/s), {r.Published:N0} PUBACKed incl. re-sends ({r.Published / r.Run.TotalSeconds:F0}/s)")),
            ("collector CPU (user+sys)", F($"{r.CollectorCpuSeconds:F1} s = {r.CollectorCores:F2} cores")),
            ("collector peak RSS (VmHWM)", F($"{r.CollectorPeakRssKb / 1024.0:F0} MiB")),
            ("broker / generator CPU", F($"{(r.BrokerCpuSeconds is { } b ? (b / r.Run.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture) : "n/a")} / {r.GeneratorCpuSeconds / r.Run.TotalSeconds:F2} cores")),
            ("delay capture → committed row (store)", F($"p50 {r.StoreDelayP50:F0} ms, p99 {r.StoreDelayP99:F0} ms over {r.StoredRows:N0} rows (backlog rows excluded)")),
            ("delay capture → watermark at node", F($"p50 {r.AckDelayP50:F0} ms, p99 {r.AckDelayP99:F0} ms over {r.AckDelaySamples:N0} live messages")),
            ("API GET /api/v1/sites", F($"p50 {r.SitesP50:F0} ms, p99 {r.SitesP99:F0} ms ({r.SitesPolls} polls)")),
            ("API GET /api/v1/sla/{month}", F($"p50 {r.SlaP50:F0} ms, p99 {r.SlaP99:F0} ms ({r.SlaPolls} polls), {r.ApiFailures} failed requests")),
            ("store growth", F($"{r.StoreGrowthBytes / 1048576.0:F1} MiB = {r.StoreBytesPerNodeDay / 1048576.0:F2} MiB per node-day")),
            ("faults", F($"{r.Outages} outages of {o.OutageMinutes:0.#} schedule-min ({r.Backlog:N0} messages sent as backlogs){(o.BrokerRestart ? ", 1 broker restart" : "")}; {r.Reconnects:N0} reconnects; drain after the run {r.Drain.TotalSeconds:F1} s")),
            ("every seq accounted for", F($"{(r.AllAccounted ? "yes" : "NO")}: {r.NodesAccounted:N0}/{o.Nodes:N0} nodes at their last seq, {r.SeqUnacknowledged:N0} unacknowledged, {r.SeqMissingAtCollector:N0} missing at the collector")),
            ("capacity", F($"{r.NodesPerCore:N0} real-time nodes per collector core")),
        };
        var width = rows.Max(x => x.Item1.Length);
        var lines = new List<string> { "| " + "measure".PadRight(width) + " | value |", "|" + new string('-', width + 2) + "|---|" };
        lines.AddRange(rows.Select(x => "| " + x.Item1.PadRight(width) + " | " + x.Item2 + " |"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
