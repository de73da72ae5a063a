using System.Runtime.CompilerServices;
using Chezlepro.Agent.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.RestoreTest;

/// <summary>check-config judges the restore-test entry: the packaged excerpt passes, a bad value is named in both languages.</summary>
public class RestoreTestConfigTests
{
    private static readonly KeyValuePair<string, string?>[] Identity =
        [new("Agent:Site", "lanaudiere"), new("Agent:Node", "pve1"), new("Agent:DataDirectory", "/var/lib/chezlepro-agent")];

    [Fact]
    public void CheckConfig_PackagedExcerpt_NoProblem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Identity)
            .AddJsonFile(Path.Combine(PackagingFolder(), "linux", "config", "agent-restore-test.example.json")).Build();

        Assert.Empty(ConfigCheck.Run(configuration));
        Assert.Equal("restore-test", configuration["Sources:0:Type"]);
        Assert.Equal("fw01-disk", configuration["Sources:0:Samples:1:Name"]);
    }

    [Fact]
    public void CheckConfig_BadGuestAndTestInterval_KeyAndValueInBothLanguages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Identity)
            .AddJsonFile(Path.Combine(PackagingFolder(), "linux", "config", "agent-restore-test.example.json"))
            .AddInMemoryCollection([new("Sources:0:Samples:0:Guest", "db01"), new("Sources:0:TestInterval", "weekly")]).Build();

        var problems = ConfigCheck.Run(configuration);

        Assert.Contains("Sources:0:Samples:0:Guest = 'db01': must read <type>-<id> with type vm, ct or host, for example vm-101"
            + " / doit avoir la forme <type>-<id>, type vm, ct ou host, par exemple vm-101", problems);
        Assert.Contains("Sources:0:TestInterval: 'weekly' must be a duration (hh:mm:ss) between 00:00:01 and 400.00:00:00"
            + " / doit être une durée (hh:mm:ss) entre 00:00:01 et 400.00:00:00", problems);
        Assert.DoesNotContain(problems, p => p.Contains("token secret", StringComparison.Ordinal));
    }

    // The checkout the tests were built from (this file's own path, written at compile time).
    private static string PackagingFolder([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "..", "packaging"));
}
