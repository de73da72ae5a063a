namespace Chezlepro.Collector.Reports;

/// <summary>
/// How a closed (frozen) month of one contract would read if it were computed again from the rebuilt intervals. The
/// frozen report is never changed: correcting a billed month is an operator's decision.
/// </summary>
/// <param name="Month">Month, <c>yyyy-MM</c>.</param>
/// <param name="ContractId">Contract.</param>
/// <param name="FrozenAvailability">Availability in the frozen report (%).</param>
/// <param name="RebuiltAvailability">Availability computed from the rebuilt intervals (%).</param>
/// <param name="FrozenCreditPercent">Credit in the frozen report (% of the monthly fee).</param>
/// <param name="RebuiltCreditPercent">Credit computed from the rebuilt intervals.</param>
public sealed record ClosedMonthChange(string Month, string ContractId, decimal? FrozenAvailability, decimal? RebuiltAvailability,
    decimal FrozenCreditPercent, decimal RebuiltCreditPercent);
