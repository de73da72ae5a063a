using Chezlepro.Agent.Actions;
using Xunit;

namespace Chezlepro.Agent.Tests.Actions;

/// <summary>The real runner with real programs: no shell, exit codes, timeout, a missing program.</summary>
[Trait("Category", "Integration")]
public class ProcessCommandRunnerTests
{
    private readonly ProcessCommandRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task Run_ArgumentsWithShellSyntax_PassedLiterallyNotInterpreted()
    {
        var dir = Directory.CreateTempSubdirectory("action-");
        try
        {
            var name = Path.Combine(dir.FullName, "a b; touch $HOME `x`");
            var result = await _runner.RunAsync("/usr/bin/touch", [name], TimeSpan.FromSeconds(30), default);

            Assert.True(result.Succeeded, result.Describe());
            Assert.Equal([name], Directory.GetFiles(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Run_NonZeroExit_Reported()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "echo noise; echo more >&2; exit 3"], TimeSpan.FromSeconds(30), default);

        Assert.Equal((3, false), (result.ExitCode, result.TimedOut));
        Assert.Equal("exit code 3", result.Describe());
    }

    [Fact]
    public async Task Run_PastItsTimeout_KilledAndReported()
    {
        // The timer is what ends the wait; sleep would otherwise keep the test for 10 minutes.
        var result = await _runner.RunAsync("/bin/sleep", ["600"], TimeSpan.FromMilliseconds(200), default).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
    }

    [Fact]
    public async Task Run_MissingProgram_CouldNotStart()
    {
        var result = await _runner.RunAsync("/nonexistent/shutdown-guests", [], TimeSpan.FromSeconds(5), default);

        Assert.False(result.Succeeded);
        Assert.StartsWith("could not start: ", result.Describe(), StringComparison.Ordinal);
    }
}
