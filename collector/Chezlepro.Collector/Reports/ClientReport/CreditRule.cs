namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>The contract's credit rule (service-levels.md): a share of the fee per started tranche below the objective, capped.</summary>
/// <param name="TrancheSize">Tranche size in availability points.</param>
/// <param name="CreditPerTranche">Credit per started tranche, in % of the monthly fee.</param>
/// <param name="Cap">Credit cap, in % of the monthly fee.</param>
public sealed record CreditRule(decimal TrancheSize, decimal CreditPerTranche, decimal Cap);
