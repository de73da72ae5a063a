namespace Chezlepro.Collector.Sla;

/// <summary>The credit earned by one month's availability.</summary>
/// <param name="Shortfall">Objective − availability in points, 0 when met.</param>
/// <param name="Tranches">Started tranches below the objective.</param>
/// <param name="CreditPercent">Credit in % of the monthly fee, after the cap.</param>
/// <param name="Capped">Whether the cap cut the credit.</param>
public sealed record CreditOutcome(decimal Shortfall, int Tranches, decimal CreditPercent, bool Capped)
{
    /// <summary>No shortfall, no credit.</summary>
    public static CreditOutcome None { get; } = new(0m, 0, 0m, false);
}
