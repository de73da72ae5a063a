using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Sla;
using Chezlepro.Collector.Storage.Formats;

namespace Chezlepro.Collector.Reports;

/// <summary>
/// Between the API's <see cref="SlaReport"/> and the stored format of a closed month: the only place that knows both.
/// A field added to the API is absent from reports frozen earlier; it is filled here, never by changing the stored
/// format.
/// </summary>
internal static class ClosedReportMapping
{
    /// <summary>The report as <c>closed_months</c> keeps it.</summary>
    public static StoredSlaReportV1 ToStored(this SlaReport report) => new()
    {
        Month = report.Month, From = report.From, To = report.To, ComputedAt = report.ComputedAt, Complete = report.Complete,
        Contracts = report.Contracts.Select(c => new StoredContractSlaV1
        {
            ContractId = c.ContractId, Client = c.Client, From = c.From, To = c.To, Objective = c.Objective, UnknownCountsAsDown = c.UnknownCountsAsDown,
            UpSeconds = c.UpSeconds, DownSeconds = c.DownSeconds, UnknownSeconds = c.UnknownSeconds, ExcludedSeconds = c.ExcludedSeconds,
            ExactAvailability = c.ExactAvailability, Availability = c.Availability, Shortfall = c.Shortfall, Tranches = c.Tranches,
            CreditPercent = c.CreditPercent, Capped = c.Capped, MonthlyFee = c.MonthlyFee, CreditAmount = c.CreditAmount, Currency = c.Currency,
            SummaryFr = c.SummaryFr, SummaryEn = c.SummaryEn,
            Services = c.Services.Select(s => new StoredServiceSlaLineV1
            {
                ServiceId = s.ServiceId, Name = s.Name, Category = s.Category, TimelineUrl = s.TimelineUrl, Availability = ToStored(s.Availability),
            }).ToList(),
        }).ToList(),
    };

    /// <summary>A frozen report as the API serves it.</summary>
    public static SlaReport ToReport(this StoredSlaReportV1 stored) => new()
    {
        Month = stored.Month, From = stored.From, To = stored.To, ComputedAt = stored.ComputedAt, Complete = stored.Complete,
        Contracts = stored.Contracts.Select(c => new ContractSlaReport
        {
            ContractId = c.ContractId, Client = c.Client, From = c.From, To = c.To, Objective = c.Objective, UnknownCountsAsDown = c.UnknownCountsAsDown,
            UpSeconds = c.UpSeconds, DownSeconds = c.DownSeconds, UnknownSeconds = c.UnknownSeconds, ExcludedSeconds = c.ExcludedSeconds,
            ExactAvailability = c.ExactAvailability, Availability = c.Availability, Shortfall = c.Shortfall, Tranches = c.Tranches,
            CreditPercent = c.CreditPercent, Capped = c.Capped, MonthlyFee = c.MonthlyFee, CreditAmount = c.CreditAmount, Currency = c.Currency,
            SummaryFr = c.SummaryFr, SummaryEn = c.SummaryEn,
            Services = c.Services.Select(s => new ServiceSlaLine
            {
                ServiceId = s.ServiceId, Name = s.Name, Category = s.Category, TimelineUrl = s.TimelineUrl, Availability = ToAvailability(s.Availability),
            }).ToList(),
        }).ToList(),
    };

    private static StoredServiceAvailabilityV1 ToStored(ServiceAvailability a) => new()
    {
        ServiceId = a.ServiceId, From = a.From, To = a.To, UnknownCountsAsDown = a.UnknownCountsAsDown,
        UpSeconds = a.UpSeconds, DownSeconds = a.DownSeconds, UnknownSeconds = a.UnknownSeconds, ExcludedSeconds = a.ExcludedSeconds,
        Exact = a.Exact, Percent = a.Percent,
        Intervals = a.Intervals.Select(i => new StoredAvailabilityIntervalV1
        {
            From = i.From, To = i.To, State = StateName(i.State), Seconds = i.Seconds,
            Causes = i.Causes.Select(k => new StoredCheckKeyV1 { Site = k.Site, Node = k.Node, Check = k.Check }).ToList(),
        }).ToList(),
    };

    // The API's ServiceAvailability computes its percentages from the times, so the times are restored to the tick:
    // before this format, a frozen report read back with every service at 0 s and no percentage.
    private static ServiceAvailability ToAvailability(StoredServiceAvailabilityV1 a) => new()
    {
        ServiceId = a.ServiceId, From = a.From, To = a.To, UnknownCountsAsDown = a.UnknownCountsAsDown,
        Up = Time(a.UpSeconds), Down = Time(a.DownSeconds), Unknown = Time(a.UnknownSeconds), Excluded = Time(a.ExcludedSeconds),
        Intervals = a.Intervals.Select(i => new AvailabilityInterval(i.From, i.To, State(i.State),
            i.Causes.Select(k => new CheckKey(k.Site, k.Node, k.Check)).ToList())).ToList(),
    };

    private static TimeSpan Time(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private static string StateName(ServiceState state) => state switch
    {
        ServiceState.Up => "Up",
        ServiceState.Down => "Down",
        ServiceState.Unknown => "Unknown",
        ServiceState.Excluded => "Excluded",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No stored name for this state."),
    };

    private static ServiceState State(string name) => name.ToUpperInvariant() switch
    {
        "UP" => ServiceState.Up,
        "DOWN" => ServiceState.Down,
        "UNKNOWN" => ServiceState.Unknown,
        "EXCLUDED" => ServiceState.Excluded,
        _ => throw new InvalidDataException($"Stored report has an interval in state '{name}'."),
    };
}
