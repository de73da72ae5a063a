using Chezlepro.Collector.Sla;
using Xunit;

namespace Chezlepro.Collector.Tests.Sla;

public class CreditCalculatorTests
{
    // The table of service-levels.md, verbatim.
    [Theory]
    [InlineData("99.5", "99.5", "0", 0, "0")]
    [InlineData("99.5", "99.49", "0.01", 1, "5")]
    [InlineData("99.5", "99.0", "0.5", 1, "5")]
    [InlineData("99.5", "98.99", "0.51", 2, "10")]
    [InlineData("99.5", "97.0", "2.5", 5, "20")]
    [InlineData("99.9", "99.5", "0.4", 1, "5")]
    public void Compute_ServiceLevelsTable_MatchesEveryRow(string objective, string availability, string shortfall, int tranches, string credit)
    {
        var o = Compute(decimal.Parse(objective, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(availability, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(shortfall, System.Globalization.CultureInfo.InvariantCulture), o.Shortfall);
        Assert.Equal(tranches, o.Tranches);
        Assert.Equal(decimal.Parse(credit, System.Globalization.CultureInfo.InvariantCulture), o.CreditPercent);
    }

    [Fact]
    public void Compute_97_IsCappedAndSaysSo()
    {
        var o = Compute(99.5m, 97.0m);
        Assert.True(o.Capped);
        Assert.Equal(20m, o.CreditPercent);
    }

    [Fact]
    public void Compute_RatioOnABoundary_GivesExactTranchesWhereDoubleGivesOneMore()
    {
        // 979 s up of 1000 against 99.9 %: exactly 2.0 points short, 4 tranches. In double the ratio is
        // 97.89999999999999 and the ceiling gives 5: the trap the decimal ratio avoids.
        Assert.Equal(5, Math.Ceiling((99.9 - (979.0 / 1000.0 * 100.0)) / 0.5));
        var exact = Collector.Availability.AvailabilityRatio.Percent(TimeSpan.FromSeconds(979), TimeSpan.FromSeconds(1000));
        Assert.Equal(97.9m, exact);
        Assert.Equal(4, CreditCalculator.Compute(99.9m, exact).Tranches);
    }

    [Fact]
    public void Compute_TinyShortfall_StartsATranche() => Assert.Equal(1, Compute(99.5m, 99.4999999999m).Tranches);

    [Fact]
    public void Compute_AboveObjective_NoCredit() => Assert.Same(CreditOutcome.None, Compute(99.5m, 100m));

    [Fact]
    public void Compute_NothingMeasured_NoCredit() => Assert.Same(CreditOutcome.None, CreditCalculator.Compute(99.5m, null));

    [Fact]
    public void Compute_InexactTrancheSize_StillCeilsExactly()
    {
        Assert.Equal(1, CreditCalculator.Compute(99.5m, 99.2m, trancheSize: 0.3m).Tranches);
        Assert.Equal(2, CreditCalculator.Compute(99.5m, 99.19m, trancheSize: 0.3m).Tranches);
    }

    [Fact]
    public void Compute_NonPositiveTrancheSize_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditCalculator.Compute(99.5m, 99m, trancheSize: 0m));

    [Theory]
    [InlineData("150.00", "5", "7.50")]
    [InlineData("33.33", "5", "1.67")]
    [InlineData("1234.56", "20", "246.91")]
    [InlineData("150.00", "0", "0.00")]
    public void Amount_FeeAndPercent_RoundsToCents(string fee, string percent, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CreditCalculator.Amount(decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));

    private static CreditOutcome Compute(decimal objective, decimal availability) => CreditCalculator.Compute(objective, availability);
}
