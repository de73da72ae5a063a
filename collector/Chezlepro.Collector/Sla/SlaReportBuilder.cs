using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;

namespace Chezlepro.Collector.Sla;

/// <summary>
/// Builds the monthly SLA report: calendar month in America/Toronto (its real length, DST included), clipped by each
/// contract's start and end and by <c>now</c>; credits from the exact ratio. Pure: the same inputs give the same report,
/// so late data is handled by building again, and a closed month by storing the report and never building it again.
/// </summary>
public static class SlaReportBuilder
{
    /// <summary>Builds the report of <paramref name="month"/> for every contract active in it.</summary>
    /// <param name="month">The month.</param>
    /// <param name="catalog">Services and contracts (validated).</param>
    /// <param name="histories">State intervals of the catalog's checks overlapping the month, including the one in force at its start.</param>
    /// <param name="windows">Maintenance windows overlapping the month.</param>
    /// <param name="now">The present.</param>
    public static SlaReport Build(MonthPeriod month, CatalogOptions catalog, IEnumerable<CheckStateInterval> histories, IEnumerable<MaintenanceWindow> windows, DateTimeOffset now) =>
        Build(month, catalog, new CheckHistoryIndex(histories), windows, now);

    /// <summary>Builds the report from an already indexed history.</summary>
    public static SlaReport Build(MonthPeriod month, CatalogOptions catalog, CheckHistoryIndex histories, IEnumerable<MaintenanceWindow> windows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var zone = LocalTime.Toronto;
        var monthStart = month.Start(zone);
        var monthEnd = month.End(zone);
        var windowList = windows?.ToList() ?? [];
        var contracts = new List<ContractSlaReport>();
        foreach (var contract in catalog.Contracts)
        {
            var start = Max(monthStart, LocalTime.StartOfDay(contract.Start, zone));
            var end = contract.End is { } last ? Min(monthEnd, LocalTime.StartOfDay(last.AddDays(1), zone)) : monthEnd;
            if (end <= start) continue;
            contracts.Add(BuildContract(month, contract, catalog, histories, windowList, start, end, now));
        }

        return new SlaReport
        {
            Month = month.ToString(),
            From = monthStart,
            To = monthEnd,
            ComputedAt = now,
            Complete = now >= monthEnd,
            Contracts = contracts,
        };
    }

    private static ContractSlaReport BuildContract(MonthPeriod month, ContractDefinition contract, CatalogOptions catalog, CheckHistoryIndex histories, List<MaintenanceWindow> windows, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var lines = new List<ServiceSlaLine>();
        TimeSpan up = default, down = default, unknown = default, excluded = default, counted = default;
        foreach (var id in contract.Services)
        {
            var service = catalog.FindService(id) ?? throw new InvalidOperationException($"Contract '{contract.Id}' names unknown service '{id}'; validate the catalog first.");
            var a = AvailabilityCalculator.Compute(service, histories, windows, start, end, now, contract.UnknownCountsAsDown);
            lines.Add(new ServiceSlaLine
            {
                ServiceId = service.Id, Name = service.Name, Category = service.Category, Availability = a,
                TimelineUrl = ServiceMonthTimeline.RelativeUrl(service.Id, month),
            });
            up += a.Up;
            down += a.Down;
            unknown += a.Unknown;
            excluded += a.Excluded;
            counted += a.Counted;
        }

        var exact = AvailabilityRatio.Percent(up, counted);
        var credit = CreditCalculator.Compute(contract.Objective, exact, contract.TrancheSize, contract.CreditPerTranche, contract.CreditCap);
        var amount = CreditCalculator.Amount(contract.MonthlyFee, credit.CreditPercent);
        var shown = exact is { } e ? AvailabilityRatio.ForDisplay(e) : (decimal?)null;
        // Shown to 3 decimals rounded up, so that objective − shown availability = shown shortfall.
        var shortfall = Math.Round(credit.Shortfall, 3, MidpointRounding.ToPositiveInfinity);
        return new ContractSlaReport
        {
            ContractId = contract.Id,
            Client = contract.Client,
            From = start,
            To = end < now ? end : (now > start ? now : start),
            Objective = contract.Objective,
            UnknownCountsAsDown = contract.UnknownCountsAsDown,
            UpSeconds = up.TotalSeconds,
            DownSeconds = down.TotalSeconds,
            UnknownSeconds = unknown.TotalSeconds,
            ExcludedSeconds = excluded.TotalSeconds,
            ExactAvailability = exact,
            Availability = shown,
            Shortfall = shortfall,
            Tranches = credit.Tranches,
            CreditPercent = credit.CreditPercent,
            Capped = credit.Capped,
            MonthlyFee = contract.MonthlyFee,
            CreditAmount = amount,
            Currency = contract.Currency,
            Services = lines,
            SummaryFr = SlaTexts.French(contract, shown, shortfall, credit, amount),
            SummaryEn = SlaTexts.English(contract, shown, shortfall, credit, amount),
        };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
