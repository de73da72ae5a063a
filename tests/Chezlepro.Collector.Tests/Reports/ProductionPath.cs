using System.Globalization;
using System.Text.Json;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Ingest;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Collector.Noc;
using Chezlepro.Collector.Reports;
using Chezlepro.Collector.Sla;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Availability;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Mqtt;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Chezlepro.Collector.Tests.Reports;

/// <summary>
/// Runs a <see cref="DifferentialCase"/> the way production does: agent topics and JSON payloads through
/// <see cref="IngestProcessor.ProcessBatchAsync"/> into a real store, windows saved in the store, then the SLA report and
/// the incidents read back through <see cref="ServiceLevelReports"/> at a time after the month. Compares them with the
/// <see cref="ReferenceModel"/> to the second.
/// </summary>
internal static class ProductionPath
{
    private static readonly TopicScheme Topics = new();
    private static int _cases;

    /// <summary>What the product said about a case.</summary>
    public sealed record Outcome(SlaReport Sla, IReadOnlyList<Incident> Incidents, IngestCounters Counters);

    /// <summary>What the model says about a case.</summary>
    public sealed record Expected(ReferenceModel.Figures? Contract, List<ReferenceModel.Incident> Incidents, ReferenceModel.State[] States, long StatesFrom);

    /// <summary>Names unique to one case (one PostgreSQL database holds many cases).</summary>
    public sealed record Names(string Site, string Service)
    {
        public static Names Next()
        {
            var n = Interlocked.Increment(ref _cases);
            return new Names($"p{Environment.ProcessId % 10_000}-{n}", $"svc-{n}");
        }
    }

    public static string Check(int check) => "probe.c" + check.ToString(CultureInfo.InvariantCulture);

    public static string Node(int node) => "n" + node.ToString(CultureInfo.InvariantCulture);

    /// <summary>After the month: the report is complete, incidents are derived over [month start, now).</summary>
    public static DateTimeOffset Now(DifferentialCase c) => DateTimeOffset.FromUnixTimeSeconds(ReferenceModel.Month(c.Year, c.Month).To + (6 * 3600));

    public static Expected Model(DifferentialCase c)
    {
        var month = ReferenceModel.Month(c.Year, c.Month);
        var now = Now(c).ToUnixTimeSeconds();
        var states = ReferenceModel.States(c.Checks, c.ModelResults, c.Staleness, c.ModelWindows, month.From, now);
        var period = ReferenceModel.ContractPeriod(month, c.ContractStart, c.ContractEnd);
        var figures = period is { } p ? ReferenceModel.Measure(states, month.From, p.From, p.To, c.UnknownCountsAsDown, c.Objective) : null;
        return new Expected(figures, ReferenceModel.DeriveIncidents(states, month.From, c.Debounce, c.RestoreDebounce), states, month.From);
    }

    /// <summary>The agent's message for one result.</summary>
    public static (string Topic, ReadOnlyMemory<byte> Payload) Message(string site, int node, int check, long seq, DateTimeOffset ts, HealthStatus status)
    {
        var result = new HealthResult
        {
            Site = site, Node = Node(node), Seq = seq, Ts = ts, Check = Check(check), Status = status,
            Summary = status.ToString().ToLowerInvariant(),
        };
        return (Topics.Health(site, Node(node), Check(check)), JsonSerializer.SerializeToUtf8Bytes(result, ContractJsonContext.Default.HealthResult));
    }

    public static IngestProcessor Processor(ICollectorStore store, TimeProvider time, IngestCounters counters) =>
        new(new MessageValidator(Topics, 256 * 1024), store, counters, time, NullLogger<IngestProcessor>.Instance,
            new NocPublisher(Substitute.For<IMqttClient>(), Topics, time, NullLogger<NocPublisher>.Instance));

    public static CatalogOptions Catalog(DifferentialCase c, Names names) => new()
    {
        Services =
        [
            new ServiceDefinition
            {
                Id = names.Service, Name = "Courriel", Category = "critical", StalenessLimit = TimeSpan.FromSeconds(c.Staleness),
                Checks = [.. Enumerable.Range(0, c.Checks).Select(k => new CheckReference { Site = names.Site, Node = Node(c.NodeOf(k)), Check = Check(k) })],
            },
        ],
        Contracts =
        [
            new ContractDefinition
            {
                Id = "obnl-" + names.Service, Client = "OBNL", Services = [names.Service], MonthlyFee = 150.00m, Currency = "CAD",
                Objective = c.Objective, UnknownCountsAsDown = c.UnknownCountsAsDown, Start = c.ContractStart, End = c.ContractEnd,
            },
        ],
    };

    public static IOptionsMonitor<T> Monitor<T>(T value)
    {
        var monitor = Substitute.For<IOptionsMonitor<T>>();
        monitor.CurrentValue.Returns(value);
        return monitor;
    }

    public static async Task<Outcome> RunAsync(ICollectorStore store, DifferentialCase c, Names names)
    {
        var time = new FakeTimeProvider(Now(c));
        var counters = new IngestCounters();
        var processor = Processor(store, time, counters);
        var arrivals = c.Arrivals();
        var next = 0;
        foreach (var size in c.BatchSizes(arrivals.Count))
        {
            var batch = arrivals.Skip(next).Take(size).Select(a =>
            {
                var r = c.Results[a.Index];
                return Message(names.Site, c.NodeOf(r.Check), r.Check, a.Seq, DateTimeOffset.FromUnixTimeSeconds(r.At), r.Status);
            }).ToList();
            next += size;
            await processor.ProcessBatchAsync(batch, default);
        }

        for (var i = 0; i < c.Windows.Length; i++)
        {
            var w = c.Windows[i];
            await store.SaveMaintenanceWindowAsync(new MaintenanceWindow($"w-{names.Service}-{i}", At(w.Start), At(w.End),
                [w.OtherService ? "other-" + names.Service : names.Service], "test", At(w.AnnouncedAt), w.EndedEarlyAt is { } e ? At(e) : null), default);
        }

        var policy = new IncidentPolicy { Debounce = TimeSpan.FromSeconds(c.Debounce), RestoreDebounce = TimeSpan.FromSeconds(c.RestoreDebounce) };
        var reports = new ServiceLevelReports(store, Monitor(Catalog(c, names)), Monitor(policy), time);
        var month = new MonthPeriod(c.Year, c.Month);
        var sla = await reports.SlaAsync(month, default);
        var incidents = await reports.IncidentsAsync(time.GetUtcNow() - month.Start(LocalTime.Toronto), default);
        return new Outcome(sla, incidents, counters);

        static DateTimeOffset At(long unix) => DateTimeOffset.FromUnixTimeSeconds(unix);
    }

    /// <summary>Every difference between product and model, or null when they agree to the second.</summary>
    public static string? Differences(DifferentialCase c, Outcome product, Expected model)
    {
        var problems = new List<string>();
        var distinct = c.Results.Length;
        var resent = c.Results.Count(r => r.Resent);
        if (product.Counters.Get(IngestResult.Accepted) != distinct || product.Counters.Get(IngestResult.Duplicate) != resent
            || product.Counters.Get(IngestResult.Rejected) != 0)
        {
            problems.Add($"ingest: accepted {product.Counters.Get(IngestResult.Accepted)}/{distinct}, duplicates {product.Counters.Get(IngestResult.Duplicate)}/{resent}, rejected {product.Counters.Get(IngestResult.Rejected)}");
        }

        var report = product.Sla.Contracts.SingleOrDefault();
        if (model.Contract is not { } m)
        {
            if (report is not null) problems.Add("contract reported although the contract does not cover the month");
        }
        else if (report is null)
        {
            problems.Add("contract missing from the report");
        }
        else
        {
            Compare(problems, "period", (Utc(m.From), Utc(m.To)), (Utc(report.From.ToUnixTimeSeconds()), Utc(report.To.ToUnixTimeSeconds())));
            Compare(problems, "up s", (double)m.Up, report.UpSeconds);
            Compare(problems, "down s", (double)m.Down, report.DownSeconds);
            Compare(problems, "unknown s", (double)m.Unknown, report.UnknownSeconds);
            Compare(problems, "excluded s", (double)m.Excluded, report.ExcludedSeconds);
            Compare(problems, "availability %", m.Shown, report.Availability);
            if ((m.Exact is null) != (report.ExactAvailability is null) || (m.Exact is { } x && Math.Abs(x - report.ExactAvailability!.Value) > 1e-18m))
                problems.Add($"exact availability: model {m.Exact}, product {report.ExactAvailability}");
            Compare(problems, "tranches", m.Tranches, report.Tranches);
            Compare(problems, "credit %", m.CreditPercent, report.CreditPercent);
            Compare(problems, "credit CAD", Math.Round(150.00m * m.CreditPercent / 100m, 2), report.CreditAmount);
            if (FirstDivergence(report.Services[0].Availability.Segments, model) is { } d) problems.Add(d);
        }

        var expected = string.Join(", ", model.Incidents.Select(i => $"{Utc(i.Started)}..{(i.Restored is { } r ? Utc(r) : "open")}"));
        var actual = string.Join(", ", product.Incidents.OrderBy(i => i.StartedAt)
            .Select(i => $"{Utc(i.StartedAt.ToUnixTimeSeconds())}..{(i.RestoredAt is { } r ? Utc(r.ToUnixTimeSeconds()) : "open")}"));
        if (expected != actual) problems.Add($"incidents: model [{expected}], product [{actual}]");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static void Compare<T>(List<string> problems, string what, T model, T product)
    {
        if (!EqualityComparer<T>.Default.Equals(model, product)) problems.Add($"{what}: model {model}, product {product}");
    }

    /// <summary>The first second where the product's timeline (contract period, exclusions applied) differs from the model.</summary>
    private static string? FirstDivergence(IReadOnlyList<StateSegment> segments, Expected model)
    {
        foreach (var s in segments)
        {
            var state = s.State switch
            {
                ServiceState.Up => ReferenceModel.State.Up,
                ServiceState.Down => ReferenceModel.State.Down,
                ServiceState.Unknown => ReferenceModel.State.Unknown,
                _ => ReferenceModel.State.Excluded,
            };
            for (var t = s.From.ToUnixTimeSeconds(); t < s.To.ToUnixTimeSeconds(); t++)
            {
                var expected = model.States[t - model.StatesFrom];
                if (expected == state) continue;
                var end = t;
                while (end < s.To.ToUnixTimeSeconds() && model.States[end - model.StatesFrom] == expected) end++;
                return $"first divergence at {Utc(t)}: product {state} over [{Utc(s.From.ToUnixTimeSeconds())}, {Utc(s.To.ToUnixTimeSeconds())}), model {expected} until {Utc(end)}";
            }
        }

        return null;
    }

    private static string Utc(long unix) => DifferentialCase.Utc(unix);

    /// <summary>A contract's figures in a form assertion messages print in full: seconds up, down, unknown, excluded, availability shown, credit %.</summary>
    public static (double Up, double Down, double Unknown, double Excluded, decimal? Availability, decimal Credit) Figures(ContractSlaReport r) =>
        (r.UpSeconds, r.DownSeconds, r.UnknownSeconds, r.ExcludedSeconds, r.Availability, r.CreditPercent);
}
