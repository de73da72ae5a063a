using Chezlepro.Collector.Apis;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.DrTests;
using Xunit;

namespace Chezlepro.Collector.Tests.DrTests;

/// <summary>DR targets per category, the yearly rule and the body's rules (bad input named field by field in French and English).</summary>
public sealed class DrTestScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ServiceCategory.Critical, 240, 60)]
    [InlineData(ServiceCategory.Important, 480, 240)]
    [InlineData(ServiceCategory.NonCritical, 1440, 480)]
    public void Targets_PerCategory_MetAtTheLimit_MissedOneMinuteOver(ServiceCategory category, int rto, int rpo)
    {
        var atLimit = DrTargets.Measure("s", category, rto, rpo);
        Assert.True(atLimit.RtoMet && atLimit.RpoMet);
        Assert.False(DrTargets.Measure("s", category, rto + 1, rpo).RtoMet);
        Assert.False(DrTargets.Measure("s", category, rto, rpo + 1).RpoMet);
    }

    [Fact]
    public void Yearly_LastTestPerService_DueOneYearLater_NeverTestedIsDue()
    {
        var tests = new[]
        {
            new DrTest(1, new DateOnly(2025, 11, 20), "a", [DrTargets.Measure("mail", ServiceCategory.Critical, 10, 10), DrTargets.Measure("erp", ServiceCategory.Important, 10, 10)], "", null, "x", Now),
            new DrTest(2, new DateOnly(2026, 3, 1), "b", [DrTargets.Measure("mail", ServiceCategory.Critical, 300, 10)], "", null, "x", Now),
        };
        var status = DrTestSchedule.Status(["mail", "erp", "web"], tests, new DateOnly(2026, 11, 20));
        Assert.Equal(new DrServiceStatus("mail", new DateOnly(2026, 3, 1), false, new DateOnly(2027, 3, 1), false), status[0]);
        Assert.Equal(new DrServiceStatus("erp", new DateOnly(2025, 11, 20), true, new DateOnly(2026, 11, 20), true), status[1]);
        Assert.Equal(new DrServiceStatus("web", null, null, null, true), status[2]);
        Assert.False(DrTestSchedule.Status(["erp"], tests, new DateOnly(2026, 11, 19))[0].Due);
    }

    [Fact]
    public void Body_Valid_MeasuredAgainstTheServicesCategory()
    {
        var body = new DrTestRequestDto("2026-11-20", "Perte du site", [new DrServiceRequestDto("mail", 250, 30)], "RTO dépassé", "https://example.org/r.pdf");
        var (problems, test) = DrTestRequestValidator.Check(body, Catalog(), new DateOnly(2026, 11, 21), "Alice", Now);
        Assert.Empty(problems);
        var line = Assert.Single(test!.Services);
        Assert.Equal(("critical", 240, 60, false, true), (line.Category, line.RtoTargetMinutes, line.RpoTargetMinutes, line.RtoMet, line.RpoMet));
        Assert.Equal("Alice", test.Author);
    }

    [Theory]
    [InlineData("{}", "date = ''")]
    [InlineData("date", "date = '2026-13-01'")]
    [InlineData("future", "date = '2026-11-22': in the future")]
    [InlineData("service", "services[0].service = 'nope': not a service of the catalog")]
    [InlineData("twice", "services[1].service = 'mail': listed twice")]
    [InlineData("negative", "services[0].rtoMinutes = '-1'")]
    [InlineData("url", "reportUrl = 'ftp://x': absolute http(s) address expected")]
    public void Body_Bad_EveryProblemNamedInBothLanguages(string kind, string english)
    {
        var ok = new DrServiceRequestDto("mail", 10, 10);
        var body = kind switch
        {
            "{}" => new DrTestRequestDto(null, null, null, null, null),
            "date" => new DrTestRequestDto("2026-13-01", "s", [ok], "", null),
            "future" => new DrTestRequestDto("2026-11-22", "s", [ok], "", null),
            "service" => new DrTestRequestDto("2026-11-20", "s", [new DrServiceRequestDto("nope", 1, 1)], "", null),
            "twice" => new DrTestRequestDto("2026-11-20", "s", [ok, ok], "", null),
            "negative" => new DrTestRequestDto("2026-11-20", "s", [new DrServiceRequestDto("mail", -1, 1)], "", null),
            _ => new DrTestRequestDto("2026-11-20", "s", [ok], "", "ftp://x"),
        };
        var (problems, test) = DrTestRequestValidator.Check(body, Catalog(), new DateOnly(2026, 11, 21), "Alice", Now);
        Assert.Null(test);
        Assert.Contains(problems, p => p.English.StartsWith(english, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.NotEqual(p.English, p.French));
    }

    private static CatalogOptions Catalog() => new()
    {
        Services = [new ServiceDefinition { Id = "mail", Name = "mail", Category = "critical" }],
    };
}
