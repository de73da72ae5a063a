namespace Chezlepro.Collector.Sla;

/// <summary>
/// Credits of service-levels.md: <c>perTranche</c> % of the monthly fee per started tranche of <c>trancheSize</c>
/// points below the objective, capped. "Started" means any shortfall earns a credit: tranches = ceiling(shortfall /
/// size), computed in decimal so that 99.5 − 99.0 is exactly one tranche (in double it is 0.5000000000000142…).
/// </summary>
public static class CreditCalculator
{
    /// <summary>The credit for an exact availability (null availability: nothing measured, no credit).</summary>
    public static CreditOutcome Compute(decimal objective, decimal? availability, decimal trancheSize = 0.5m, decimal creditPerTranche = 5m, decimal cap = 20m)
    {
        if (trancheSize <= 0) throw new ArgumentOutOfRangeException(nameof(trancheSize), trancheSize, "Tranche size must be positive.");
        if (availability is not { } a || a >= objective) return CreditOutcome.None;
        var shortfall = objective - a;
        var tranches = CeilingOfQuotient(shortfall, trancheSize);
        var raw = tranches * creditPerTranche;
        return new CreditOutcome(shortfall, tranches, Math.Min(raw, cap), raw > cap);
    }

    /// <summary>The credit amount in the contract currency, rounded to cents (half away from zero).</summary>
    public static decimal Amount(decimal monthlyFee, decimal creditPercent) =>
        Math.Round(monthlyFee * creditPercent / 100m, 2, MidpointRounding.AwayFromZero);

    private static int CeilingOfQuotient(decimal numerator, decimal denominator)
    {
        // The quotient may be inexact when the size is not a power-of-ten fraction; correct it by exact products.
        var q = decimal.Ceiling(numerator / denominator);
        while (q > 0 && (q - 1) * denominator >= numerator) q--;
        while (q * denominator < numerator) q++;
        return q > int.MaxValue ? int.MaxValue : (int)q;
    }
}
