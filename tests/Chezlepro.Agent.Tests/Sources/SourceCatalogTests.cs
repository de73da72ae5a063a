using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Host;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources;

public sealed class SourceCatalogTests
{
    [Fact]
    public void Read_ValidHost_OneDefinition()
    {
        var (defs, problems) = Catalog().Read(Config(("Sources:0:Type", "host"), ("Sources:0:Name", "host"), ("Sources:0:Interval", "00:00:10")));
        Assert.Empty(problems);
        Assert.Equal(("host", TimeSpan.FromSeconds(10)), (defs.Single().Name, defs.Single().Interval));
    }

    [Fact]
    public void Read_EveryProblem_NamedWithKeyAndValue()
    {
        var (defs, problems) = Catalog().Read(Config(
            ("Sources:0:Type", "toaster"), ("Sources:0:Name", "t"),
            ("Sources:1:Type", "host"), ("Sources:1:Name", "Bad Name"),
            ("Sources:2:Type", "host"), ("Sources:2:Name", "h"), ("Sources:2:Interval", "soon"),
            ("Sources:3:Type", "host"), ("Sources:3:Name", "h2"), ("Sources:3:Interval", "00:00:00.100"),
            ("Sources:4:Type", "host"), ("Sources:4:Name", "dup"),
            ("Sources:5:Type", "host"), ("Sources:5:Name", "dup")));
        Assert.DoesNotContain(defs, d => d.Index != 4);
        Assert.Contains(problems, p => p.StartsWith("Sources:0:Type = 'toaster'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:1:Name = 'Bad Name'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:2:Interval = 'soon'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:3:Interval", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:5:Name = 'dup'", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_Invalid_ThrowsWithAllProblems()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Catalog().Create(Config(("Sources:0:Type", "nope"), ("Sources:1:Type", "nada")), null!));
        Assert.Contains("Sources:0:Type", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:1:Type", ex.Message, StringComparison.Ordinal);
    }

    private static SourceCatalog Catalog() => new([new HostSourceFactory()]);

    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
