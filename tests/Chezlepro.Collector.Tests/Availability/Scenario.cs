using System.Globalization;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Tests.Availability;

/// <summary>Builds check histories the way storage folds 30-s results: fresh intervals with chosen timestamps.</summary>
internal static class Scenario
{
    public static readonly CheckKey Mail = new("ovh", "proxy1", "probe.mail");
    public static readonly CheckKey Wiki = new("ovh", "proxy1", "probe.wiki");

    /// <summary>An instant from RFC 3339 text ("2026-04-10T12:00:00Z").</summary>
    public static DateTimeOffset T(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>An instant from a wall-clock time in Toronto ("2026-04-10 12:00").</summary>
    public static DateTimeOffset Local(string text) =>
        LocalTime.ToInstant(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), LocalTime.Toronto);

    public static ServiceDefinition Service(string id = "mail", string category = "critical", params CheckKey[] checks) => new()
    {
        Id = id,
        Name = "Courriel",
        Category = category,
        Checks = [.. (checks.Length == 0 ? [Mail] : checks).Select(k => new CheckReference { Site = k.Site, Node = k.Node, Check = k.Check })],
    };

    public static ContractDefinition Contract(string start = "2026-01-01", bool unknownCountsAsDown = true, decimal objective = 99.5m, params string[] services) => new()
    {
        Id = "obnl-a",
        Client = "OBNL A",
        Services = services.Length == 0 ? ["mail"] : [.. services],
        MonthlyFee = 150.00m,
        Currency = "CAD",
        Objective = objective,
        UnknownCountsAsDown = unknownCountsAsDown,
        Start = DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>A closed interval confirmed every 30 s until its end.</summary>
    public static CheckStateInterval Held(CheckKey key, HealthStatus status, DateTimeOffset from, DateTimeOffset to) =>
        new(key, status, from, to - TimeSpan.FromSeconds(30) < from ? from : to - TimeSpan.FromSeconds(30), to);

    /// <summary>
    /// A contiguous history: <paramref name="from"/> ok, then each (status, start, end) step, ok in between,
    /// ok until <paramref name="to"/> (closed there, fresh).
    /// </summary>
    public static List<CheckStateInterval> History(CheckKey key, DateTimeOffset from, DateTimeOffset to, params (HealthStatus Status, DateTimeOffset From, DateTimeOffset To)[] steps)
    {
        var list = new List<CheckStateInterval>();
        var cursor = from;
        foreach (var (status, s, e) in steps.OrderBy(x => x.From))
        {
            if (s > cursor) list.Add(Held(key, HealthStatus.Ok, cursor, s));
            list.Add(Held(key, status, s, e));
            cursor = e;
        }

        if (to > cursor) list.Add(Held(key, HealthStatus.Ok, cursor, to));
        return list;
    }

    public static CatalogOptions CatalogOf(ContractDefinition contract, params ServiceDefinition[] services) => new()
    {
        Services = services.Length == 0 ? [Service()] : [.. services],
        Contracts = [contract],
    };
}
