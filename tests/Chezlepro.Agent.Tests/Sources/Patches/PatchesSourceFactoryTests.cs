using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Patches;
using Chezlepro.Agent.Tests.Sources.Proxmox;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Patches;

public sealed class PatchesSourceFactoryTests
{
    [Fact]
    public void Read_NoInterval_SixHours()
    {
        var (definitions, problems) = new SourceCatalog(SourceCatalog.Registered()).Read(SourceConfig.Root(("Sources:0:Type", "patches")));

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromHours(6), Assert.Single(definitions).Interval);
    }

    [Fact]
    public void Validate_BadKeys_EachNamedWithKeyAndValueInBothLanguages()
    {
        var root = SourceConfig.Root(("Sources:0:Type", "patches"), ("Sources:0:Interval", "00:10:00"), ("Sources:0:HistoryPath", "history.log"),
            ("Sources:0:Timeout", "00:20:00"), ("Sources:0:SecurityGraceDays", "-1"));
        var (_, problems) = new SourceCatalog(SourceCatalog.Registered()).Read(root);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Sources:0:HistoryPath: 'history.log' must be an absolute path / doit être un chemin absolu", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:0:Timeout: 00:20:00 must be shorter than Sources:0:Interval (00:10:00) / ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:0:SecurityGraceDays: '-1' must be a whole number between 0 and 365 / ", StringComparison.Ordinal));
    }
}
