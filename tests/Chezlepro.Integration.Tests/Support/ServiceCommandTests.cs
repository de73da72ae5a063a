using Chezlepro.Testing.Processes;
using Xunit;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>
/// The agent under test is the one CI published (Native AOT, issue 19) whenever CHEZLEPRO_PUBLISH_AGENT names it, and
/// a folder without it fails instead of quietly falling back to the JIT build.
/// </summary>
[Trait("Category", "Integration")]
public class ServiceCommandTests
{
    [Fact]
    public void AgentExecutable_PublishFolderGiven_IsItsNativeExecutable()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = Directory.CreateTempSubdirectory("agent-publish-").FullName;
        try
        {
            var executable = Path.Combine(folder, "chezlepro-agent");
            File.WriteAllText(executable, "");

            Assert.Equal(executable, ServiceCommand.AgentExecutable(folder));
            Assert.Null(ServiceCommand.AgentExecutable(null));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AgentExecutable_FolderWithoutTheExecutable_Throws()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = Directory.CreateTempSubdirectory("agent-publish-").FullName;
        try
        {
            var ex = Assert.Throws<InvalidOperationException>(() => ServiceCommand.AgentExecutable(folder));
            Assert.Contains(folder, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void For_TheAgent_RunsThePublishedExecutableWhenCiGaveOne()
    {
        var psi = ServiceCommand.For("chezlepro-agent.dll");

        if (ServiceCommand.AgentExecutable() is { } executable)
        {
            Assert.Equal(executable, psi.FileName);
            Assert.Empty(psi.ArgumentList);
        }
        else
        {
            Assert.Equal("dotnet", psi.FileName);
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "chezlepro-agent.dll"), Assert.Single(psi.ArgumentList));
        }
        Assert.Equal("dotnet", ServiceCommand.For("chezlepro-collector.dll").FileName);
    }
}
