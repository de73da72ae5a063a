namespace Chezlepro.Collector.Availability;

/// <summary>
/// The availability ratio in decimal arithmetic. up × 100 / counted is computed on ticks: when the true value is a
/// terminating decimal (every tranche boundary is) it comes out exactly; otherwise it is within 1e-25 of the truth,
/// while two different fractions with a month of ticks in the denominator differ by at least ~1e-16, so the rounding
/// can never move a result across a tranche boundary.
/// </summary>
public static class AvailabilityRatio
{
    /// <summary>up / counted × 100, or null when nothing counts (whole period excluded or outside the contract).</summary>
    public static decimal? Percent(TimeSpan up, TimeSpan counted) =>
        counted <= TimeSpan.Zero ? null : up.Ticks * 100m / counted.Ticks;

    /// <summary>
    /// The figure shown to 3 decimals. It is truncated, not rounded: a report must never print 99.500 % for a ratio
    /// of 99.4996 % that earns a credit.
    /// </summary>
    public static decimal ForDisplay(decimal exact) => Math.Round(exact, 3, MidpointRounding.ToZero);
}
