using Chezlepro.Collector.Catalog;
using Microsoft.Extensions.Configuration;
using Xunit;
using static Chezlepro.Collector.Tests.Availability.Scenario;

namespace Chezlepro.Collector.Tests.Catalog;

public class CatalogValidatorTests
{
    private const string ContractMdExample = """
        {"Catalog": {
          "Services":  [ { "Id": "mail", "Name": "Courriel", "Category": "critical",
                           "Checks": [ { "Site": "ovh", "Node": "proxy1", "Check": "probe.mail" } ] } ],
          "Contracts": [ { "Id": "obnl-a", "Client": "OBNL A", "Services": ["mail"], "MonthlyFee": 150.00,
                           "Currency": "CAD", "Objective": 99.5, "UnknownCountsAsDown": true, "Start": "2026-01-01" } ],
          "Guests":    [ { "Id": "vm-101", "Service": "mail" } ],
          "FailoverGroups": [ { "Id": "public-web", "Primary": "lanaudiere", "Secondary": "st-bruno",
                                "Checks": [ { "Site": "ovh", "Node": "proxy1", "Check": "probe.mail" } ],
                                "Mode": "automatic", "Hold": "00:01:00", "LeadTime": "00:30:00",
                                "Failback": "manual", "FailbackHold": "00:30:00" } ],
          "Holidays": [ "2026-05-18", "2026-06-24" ]
        }}
        """;

    private static CatalogOptions Bind(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var config = new ConfigurationBuilder().AddJsonStream(stream).Build();
        var options = new CatalogOptions();
        config.GetSection(CatalogOptions.SectionName).Bind(options);
        return options;
    }

    [Fact]
    public void Check_ContractMdExample_BindsAndIsValid()
    {
        var o = Bind(ContractMdExample);
        Assert.Empty(CatalogValidator.Check(o));
        Assert.Equal(ServiceCategory.Critical, o.Services[0].ParsedCategory);
        Assert.Equal(150.00m, o.Contracts[0].MonthlyFee);
        Assert.Equal(new DateOnly(2026, 1, 1), o.Contracts[0].Start);
        Assert.Null(o.Contracts[0].End);
        Assert.Equal(5m, o.Contracts[0].CreditPerTranche);
        Assert.Equal(0.5m, o.Contracts[0].TrancheSize);
        Assert.Equal(20m, o.Contracts[0].CreditCap);
        Assert.Equal(TimeSpan.FromSeconds(90), o.Services[0].EffectiveStalenessLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), o.FailoverGroups[0].Hold);
        Assert.Equal([new DateOnly(2026, 5, 18), new DateOnly(2026, 6, 24)], o.Holidays);
        Assert.Equal("pbs.backup.vm-101", o.Guests[0].BackupCheck);
    }

    [Fact]
    public void Check_ManyMistakes_ReportsEachWithKeyAndValue()
    {
        var o = Bind(ContractMdExample);
        o.Services.Add(new ServiceDefinition { Id = "mail", Name = "", Category = "urgent", Checks = [] });
        o.Contracts[0].Services.Add("erp");
        o.Contracts[0].Objective = 100.5m;
        o.Contracts[0].Currency = "cad";
        o.Contracts[0].End = new DateOnly(2025, 12, 31);
        o.Guests[0].Service = "wiki";
        o.FailoverGroups[0].Mode = "auto";
        o.FailoverGroups[0].Secondary = "lanaudiere";
        var problems = CatalogValidator.Check(o);
        Assert.Contains(new CatalogProblem("Catalog:Services:1:Id", "mail", "Duplicate id.", "identifiant en double."), problems);
        Assert.Contains(problems, p => p.Key == "Catalog:Services:1:Category" && p.Value == "urgent");
        Assert.Contains(problems, p => p.Key == "Catalog:Services:1:Name");
        Assert.Contains(problems, p => p.Key == "Catalog:Services:1:Checks");
        Assert.Contains(problems, p => p.Key == "Catalog:Contracts:0:Services:1" && p.Value == "erp");
        Assert.Contains(problems, p => p.Key == "Catalog:Contracts:0:Objective" && p.Value == "100.5");
        Assert.Contains(problems, p => p.Key == "Catalog:Contracts:0:Currency" && p.Value == "cad");
        Assert.Contains(problems, p => p.Key == "Catalog:Contracts:0:End" && p.Value == "2025-12-31");
        Assert.Contains(problems, p => p.Key == "Catalog:Guests:0:Service" && p.Value == "wiki");
        Assert.Contains(problems, p => p.Key == "Catalog:FailoverGroups:0:Mode" && p.Value == "auto");
        Assert.Contains(problems, p => p.Key == "Catalog:FailoverGroups:0:Secondary");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Check_ObjectiveNotPositive_IsRefused(string objective)
    {
        var o = Bind(ContractMdExample);
        o.Contracts[0].Objective = decimal.Parse(objective, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(CatalogValidator.Check(o), p => p.Key == "Catalog:Contracts:0:Objective");
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:30:00")]
    public void Check_GuestRpoNotPositive_IsRefusedWithKeyAndValue(string rpo)
    {
        var o = Bind(ContractMdExample.Replace("\"Service\": \"mail\" }", $"\"Service\": \"mail\", \"Rpo\": \"{rpo}\" }}", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.Parse(rpo, System.Globalization.CultureInfo.InvariantCulture), o.Guests[0].Rpo);
        Assert.Contains(new CatalogProblem("Catalog:Guests:0:Rpo", rpo, "Must be positive.", "doit être positif."), CatalogValidator.Check(o));
        Assert.Contains($"Catalog:Guests:0:Rpo = '{rpo}': Must be positive / doit être positif.", new CatalogValidator().Validate(null, o).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GuestRpoPositiveOrAbsent_IsValid()
    {
        var o = Bind(ContractMdExample.Replace("\"Service\": \"mail\" }", "\"Service\": \"mail\", \"Rpo\": \"00:30:00\" }", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMinutes(30), o.Guests[0].Rpo);
        Assert.Empty(CatalogValidator.Check(o));
        Assert.Null(Bind(ContractMdExample).Guests[0].Rpo);
    }

    [Fact]
    public void Check_BadCheckReference_NamesTheField()
    {
        var o = Bind(ContractMdExample);
        o.Services[0].Checks[0].Site = "OVH!";
        Assert.Contains(CatalogValidator.Check(o), p => p.Key == "Catalog:Services:0:Checks:0:Site" && p.Value == "OVH!");
    }

    [Fact]
    public void Validate_AsOptionsValidator_FailsWithEveryMessage()
    {
        var o = Bind(ContractMdExample);
        o.Contracts[0].TrancheSize = 0m;
        o.Contracts[0].CreditCap = 120m;
        var result = new CatalogValidator().Validate(null, o);
        Assert.True(result.Failed);
        Assert.Contains("Catalog:Contracts:0:TrancheSize = '0'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Catalog:Contracts:0:CreditCap = '120'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsedCategory_Invalid_ThrowsNamingTheService()
    {
        var s = Service("mail", "urgent");
        Assert.Contains("urgent", Assert.Throws<InvalidOperationException>(() => s.ParsedCategory).Message, StringComparison.Ordinal);
    }
}
