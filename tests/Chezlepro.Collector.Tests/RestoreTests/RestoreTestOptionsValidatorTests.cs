using Chezlepro.Collector.RestoreTests;
using Xunit;

namespace Chezlepro.Collector.Tests.RestoreTests;

/// <summary><c>RestoreTests</c> refused at start with its key and value; the defaults are the contract's.</summary>
public sealed class RestoreTestOptionsValidatorTests
{
    [Fact]
    public void Defaults_ThreeIncludedAYear_ScannedEveryMinute_Accepted()
    {
        var options = new RestoreTestOptions();
        Assert.Equal((3, TimeSpan.FromMinutes(1)), (options.IncludedPerYear, options.ScanInterval));
        Assert.True(new RestoreTestOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(-1, "00:01:00", "RestoreTests:IncludedPerYear = -1")]
    [InlineData(366, "00:01:00", "RestoreTests:IncludedPerYear = 366")]
    [InlineData(3, "00:00:00.5000000", "RestoreTests:ScanInterval = 00:00:00.5000000")]
    [InlineData(3, "02:00:00", "RestoreTests:ScanInterval = 02:00:00")]
    public void OutOfRange_RefusedWithKeyAndValue(int included, string interval, string expected)
    {
        var result = new RestoreTestOptionsValidator().Validate(null, new RestoreTestOptions { IncludedPerYear = included, ScanInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
