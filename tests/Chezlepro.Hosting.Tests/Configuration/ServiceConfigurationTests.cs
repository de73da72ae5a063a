using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Chezlepro.Hosting.Tests.Configuration;

public sealed class ServiceConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("service-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadCredentials_SystemdLayout_KeysFromNamesValuesWithoutLineBreak()
    {
        var dir = Directory.CreateTempSubdirectory("creds-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Mqtt__Password"), "pa ss:word\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Sources__2__TokenSecret"), "abc\r\n");
            File.WriteAllText(Path.Combine(dir.FullName, ".hidden"), "x");
            File.WriteAllBytes(Path.Combine(dir.FullName, "Huge"), new byte[65 * 1024]);

            var config = new ConfigurationBuilder().AddInMemoryCollection(ServiceConfiguration.ReadCredentials(dir.FullName)).Build();

            Assert.Equal("pa ss:word", config["Mqtt:Password"]);
            Assert.Equal("abc", config["Sources:2:TokenSecret"]);
            Assert.Null(config[".hidden"]);
            Assert.Null(config["Huge"]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void SplitConfigArgument_BothForms_FileTakenRestKept()
    {
        var (file, rest) = ServiceConfiguration.SplitConfigArgument(["--config", "/etc/a.json", "--Mqtt:Port=1884"]);
        Assert.Equal("/etc/a.json", file);
        Assert.Equal(["--Mqtt:Port=1884"], rest);
        (file, rest) = ServiceConfiguration.SplitConfigArgument(["--config=b.json"]);
        Assert.Equal("b.json", file);
        Assert.Empty(rest);
    }

    [Fact]
    public void Apply_ConfigFileThenArguments_ArgumentWins()
    {
        var file = Path.Combine(_dir, "collector.json");
        File.WriteAllText(file, """{ "Mqtt": { "Host": "broker.example.org", "Port": 8883 } }""");

        var config = ServiceConfiguration.Apply(new ConfigurationManager(), ["--config", file, "--Mqtt:Port=1884"], ServiceConfiguration.CollectorRole)
            .Build();

        Assert.Equal("broker.example.org", config["Mqtt:Host"]);
        Assert.Equal("1884", config["Mqtt:Port"]);
    }

    [Fact]
    public void TryLoad_MissingFileOrBadJson_ProblemNamesTheFile()
    {
        var missing = Path.Combine(_dir, "absent.json");
        Assert.False(ServiceConfiguration.TryLoad(["--config", missing], ServiceConfiguration.AgentRole, out var none, out var problem));
        Assert.Null(none);
        Assert.Contains("absent.json", problem, StringComparison.Ordinal);

        var broken = Path.Combine(_dir, "broken.json");
        File.WriteAllText(broken, "{ \"Mqtt\": ");
        Assert.False(ServiceConfiguration.TryLoad(["--config", broken], ServiceConfiguration.AgentRole, out _, out problem));
        Assert.Contains("broken.json", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemFile_NamedAfterTheRole()
    {
        Assert.EndsWith("collector.json", ServiceConfiguration.SystemFile(ServiceConfiguration.CollectorRole), StringComparison.Ordinal);
        Assert.EndsWith("agent.json", ServiceConfiguration.SystemFile(ServiceConfiguration.AgentRole), StringComparison.Ordinal);
    }
}
