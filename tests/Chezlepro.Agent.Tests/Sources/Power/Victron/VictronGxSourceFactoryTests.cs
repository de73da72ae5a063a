using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Power.Eg4;
using Chezlepro.Agent.Sources.Power.VeBus;
using Chezlepro.Agent.Sources.Power.Victron;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Power.Victron;

public class VictronGxSourceFactoryTests
{
    internal static SourceDefinition Definition(string type, params (string Key, string Value)[] keys)
    {
        var data = keys.ToDictionary(k => $"Sources:2:{k.Key}", k => (string?)k.Value);
        data["Sources:2:Type"] = type;
        var config = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        return new SourceDefinition(2, type, "power", TimeSpan.FromSeconds(5), config.GetSection("Sources:2"), config);
    }

    [Fact]
    public void Validate_ContractExample_NoProblems()
    {
        var def = Definition("victron-gx", ("Host", "192.168.10.20"), ("Port", "502"), ("SystemUnitId", "100"), ("VebusUnitId", "227"), ("BatteryUnitId", "225"));
        Assert.Empty(new VictronGxSourceFactory().Validate(def));
    }

    [Fact]
    public void Validate_BadValues_EachNamesKeyAndValue()
    {
        var def = Definition("victron-gx", ("Port", "70000"), ("SystemUnitId", "0"), ("BatteryUnitId", "300"), ("Alerts:SocLow", "150"), ("RequestTimeout", "00:05:00"));
        var problems = new VictronGxSourceFactory().Validate(def).ToList();
        Assert.Contains(problems, p => p.StartsWith("Sources:2:Host: ''", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:2:Port: '70000'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:2:SystemUnitId: '0'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:2:BatteryUnitId: '300'", StringComparison.Ordinal));
        Assert.Contains("Sources:2:Alerts:SocLow: '150' must be between 0 and 100 / doit être entre 0 et 100", problems);
        Assert.Contains(problems, p => p.StartsWith("Sources:2:RequestTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnconvertibleValue_ReportedNotThrown()
    {
        var problems = new VictronGxSourceFactory().Validate(Definition("victron-gx", ("Host", "gx"), ("Port", "abc"))).ToList();
        Assert.Contains(problems, p => p.Contains("Port", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_UnreachableHost_NoIoUntilReadThenUnknownHealth()
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        // Port 9 on loopback: nothing listens; connection is refused at read time, not at creation.
        var source = new VictronGxSourceFactory().Create(Definition("victron-gx", ("Host", "127.0.0.1"), ("Port", "9"), ("Retries", "0")), services);
        Assert.Equal("power", source.Name);
        var reading = await source.ReadAsync(default);
        Assert.Equal(Contracts.Messages.HealthStatus.Unknown, Assert.Single(reading.Health).Status);
        Assert.Empty(reading.Samples);
        await ((IAsyncDisposable)source).DisposeAsync();
    }

    [Fact]
    public void Factories_TypesMatchContract()
    {
        Assert.Equal("victron-gx", new VictronGxSourceFactory().Type);
        Assert.Equal("vebus-mk3", new VeBusMk3SourceFactory().Type);
        Assert.Equal("eg4-ll", new Eg4LlSourceFactory().Type);
    }
}
