using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;

namespace Chezlepro.Fleet.Simulation;

/// <summary>Topics and payloads of one simulated node, serialised with the contract's own source-generated context.</summary>
internal sealed class NodePayloads(TopicScheme topics, string site, string node)
{
    /// <summary>The check every node's catalog service is defined by.</summary>
    public const string ServiceCheck = "probe.web";

    /// <summary>Twenty checks per poll, named as contract.md names the agent's checks.</summary>
    public static readonly IReadOnlyList<string> Checks =
    [
        "proxmox.quorum", "proxmox.ha", "proxmox.node.pve1", "proxmox.node.pve2", "proxmox.node.pve3", "ceph",
        "pbs.datastore.main", "pbs.backup.vm-101", "pbs.backup.vm-102", "pbs.backup.ct-201", "device.victron", "device.eg4",
        ServiceCheck, "probe.mail", "probe.dns", "probe.vpn", "probe.nextcloud", "probe.wiki", "restore.vm-101", "probe.ssh",
    ];

    public string Site => site;

    public string Node => node;

    public string StatusTopic => topics.Status(site, node);

    public string AckTopic => topics.Ack(site, node);

    public string PowerTopic => topics.Telemetry(site, node, "victron");

    public string HostTopic => topics.Telemetry(site, node, "host");

    public string AlertsTopic => topics.Alerts(site, node);

    public string HealthTopic(string check) => topics.Health(site, node, check);

    public byte[] Status(bool online, long session, DateTimeOffset now, DateTimeOffset startedAt) =>
        JsonSerializer.SerializeToUtf8Bytes(new StatusMessage
        {
            Site = site, Node = node, Online = online, Reason = online ? null : StatusMessage.ReasonLost, Session = session, Ts = now,
            AgentVersion = "fleet", StartedAt = startedAt,
        }, ContractJsonContext.Default.StatusMessage);

    public byte[] Power(long seq, DateTimeOffset ts, Random rng, bool gridUp) =>
        JsonSerializer.SerializeToUtf8Bytes(new TelemetryBatch
        {
            Site = site, Node = node, Seq = seq, Ts = ts, Source = "victron",
            Samples =
            [
                new(MetricNames.GridAvailable, gridUp ? 1 : 0), new(MetricNames.GridVoltage, gridUp ? 118 + rng.NextDouble() * 4 : 0, "V"),
                new(MetricNames.AcOutPower, 600 + rng.Next(900), "W"), new(MetricNames.BatteryVoltage, 52 + rng.NextDouble(), "V"),
                new(MetricNames.BatteryCurrent, gridUp ? 2 : -14, "A"), new(MetricNames.BatterySoc, 60 + rng.Next(40), "%"),
                new(MetricNames.BatteryTemperature, 20 + rng.NextDouble() * 5, "°C"), new(MetricNames.PvPower, rng.Next(1200), "W"),
            ],
        }, ContractJsonContext.Default.TelemetryBatch);

    public byte[] Host(long seq, DateTimeOffset ts, Random rng) =>
        JsonSerializer.SerializeToUtf8Bytes(new TelemetryBatch
        {
            Site = site, Node = node, Seq = seq, Ts = ts, Source = "host",
            Samples =
            [
                new("host.uptime", 86400 + seq, "s"), new("host.load1", rng.NextDouble() * 4), new("host.load5", rng.NextDouble() * 3),
                new("host.load15", rng.NextDouble() * 2), new("host.memory.total", 68_719_476_736, "B"),
                new("host.memory.available", 20_000_000_000 + rng.Next(1_000_000_000), "B"), new("host.memory.used", 60 + rng.NextDouble() * 10, "%"),
                new("host.disk.root.free", 200_000_000_000 - (seq * 1000), "B"), new("host.disk.root.total", 480_000_000_000, "B"),
            ],
        }, ContractJsonContext.Default.TelemetryBatch);

    public byte[] Health(long seq, DateTimeOffset ts, string check, HealthStatus status) =>
        JsonSerializer.SerializeToUtf8Bytes(new HealthResult
        {
            Site = site, Node = node, Seq = seq, Ts = ts, Check = check, Status = status,
            Summary = status == HealthStatus.Ok ? "OK" : "degraded (simulated)",
            // The agent's backup checks carry the last good snapshot; the collector's RPO view reads it.
            Details = check.StartsWith("pbs.backup.", StringComparison.Ordinal)
                ? new JsonObject { ["lastBackupAt"] = ts.AddHours(-3).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) }
                : null,
        }, ContractJsonContext.Default.HealthResult);

    public byte[] GridAlert(long seq, DateTimeOffset ts, bool raised) =>
        JsonSerializer.SerializeToUtf8Bytes(new AlertEvent
        {
            Site = site, Node = node, Seq = seq, Ts = ts,
            Alert = new Alert
            {
                Id = "grid-lost", State = raised ? AlertState.Raised : AlertState.Cleared, Priority = Priority.P2, Source = "victron",
                Summary = raised ? "Panne du réseau électrique — sur batterie" : "Réseau électrique rétabli",
                SummaryEn = raised ? "Grid lost, running on battery" : "Grid restored",
            },
        }, ContractJsonContext.Default.AlertEvent);
}
