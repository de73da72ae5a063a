using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// A seeded fleet: services with one or two 30-s checks each over a month, folded into state intervals the way the
/// ingest does (a new interval per status change, LastSeen = last confirming result). Realistic flapping: rare long
/// outages, bursts of flapping (critical/ok alternating every 30–120 s for minutes), warnings, and silent gaps.
/// </summary>
internal sealed class SyntheticFleet
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    public SyntheticFleet(int services, DateTimeOffset from, DateTimeOffset to, int seed)
    {
        var rng = new Random(seed);
        for (var s = 0; s < services; s++)
        {
            var id = $"svc-{s:D4}";
            var checks = new List<CheckReference> { new() { Site = $"site-{s % 7}", Node = $"node-{s % 13}", Check = $"probe.{id}" } };
            if (s % 4 == 0) checks.Add(new CheckReference { Site = $"site-{s % 7}", Node = "pve1", Check = $"proxmox.node.{id}" });
            Catalog.Services.Add(new ServiceDefinition { Id = id, Name = id, Category = (s % 3) switch { 0 => "critical", 1 => "important", _ => "non-critical" }, Checks = checks });
            foreach (var c in checks) Generate(c.ToKey(), from.AddDays(-2), to, rng);
        }

        for (var c = 0; c < services / 4; c++)
        {
            Catalog.Contracts.Add(new ContractDefinition
            {
                Id = $"contract-{c:D4}", Client = $"Client {c}", Services = [.. Enumerable.Range(c * 4, 4).Select(i => $"svc-{i:D4}")],
                MonthlyFee = 150m + c, Currency = "CAD", Objective = c % 5 == 0 ? 99.9m : 99.5m, UnknownCountsAsDown = c % 2 == 0,
                Start = c % 10 == 0 ? DateOnly.FromDateTime(from.AddDays(12).UtcDateTime) : new DateOnly(2025, 1, 1),
            });
        }

        for (var w = 0; w < services / 20; w++)
        {
            var start = from.AddHours(rng.Next(0, 700));
            Windows.Add(new MaintenanceWindow($"w{w}", start, start.AddHours(rng.Next(1, 4)), [$"svc-{rng.Next(services):D4}"], "bench", start.AddDays(-2), null));
        }
    }

    public CatalogOptions Catalog { get; } = new();

    public List<CheckStateInterval> Intervals { get; } = [];

    public List<MaintenanceWindow> Windows { get; } = [];

    private void Generate(CheckKey key, DateTimeOffset from, DateTimeOffset to, Random rng)
    {
        var t = from;
        var status = HealthStatus.Ok;
        var start = t;
        var lastSeen = t;
        var flapLeft = 0;
        while (t < to)
        {
            var next = status;
            if (flapLeft > 0)
            {
                flapLeft--;
                next = rng.Next(3) == 0 ? (status == HealthStatus.Ok ? HealthStatus.Critical : HealthStatus.Ok) : status;
            }
            else if (status == HealthStatus.Ok)
            {
                var r = rng.Next(100_000);
                if (r < 6) flapLeft = rng.Next(10, 60);                  // a flapping burst about 5×/month
                else if (r < 7) next = HealthStatus.Critical;            // an outage about once a month
                else if (r < 60) next = HealthStatus.Warning;           // warnings (count as up) ~1.5×/day
                else if (r < 62) { Close(key, status, start, lastSeen, t); t += TimeSpan.FromMinutes(rng.Next(3, 30)); start = t; lastSeen = t; continue; } // silent gap
            }
            else if (rng.Next(100) < (status == HealthStatus.Critical ? 3 : 10)) next = HealthStatus.Ok;

            if (next != status)
            {
                Close(key, status, start, lastSeen, t);
                status = next;
                start = t;
            }

            lastSeen = t;
            t += Poll;
        }

        Intervals.Add(new CheckStateInterval(key, status, start, lastSeen, null));
    }

    private void Close(CheckKey key, HealthStatus status, DateTimeOffset start, DateTimeOffset lastSeen, DateTimeOffset end)
    {
        if (end > start) Intervals.Add(new CheckStateInterval(key, status, start, lastSeen, end));
    }
}
