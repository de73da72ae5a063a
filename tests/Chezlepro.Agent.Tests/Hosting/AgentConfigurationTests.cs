using Chezlepro.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting;

public class AgentConfigurationTests
{
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

            var config = new ConfigurationBuilder().AddInMemoryCollection(AgentConfiguration.ReadCredentials(dir.FullName)).Build();

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
        var (file, rest) = AgentConfiguration.SplitConfigArgument(["--config", "/etc/a.json", "--Mqtt:Port=1884"]);
        Assert.Equal("/etc/a.json", file);
        Assert.Equal(["--Mqtt:Port=1884"], rest);
        (file, rest) = AgentConfiguration.SplitConfigArgument(["--config=b.json"]);
        Assert.Equal("b.json", file);
        Assert.Empty(rest);
    }
}
