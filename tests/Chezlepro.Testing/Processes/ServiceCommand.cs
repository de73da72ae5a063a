using System.Diagnostics;

namespace Chezlepro.Testing.Processes;

/// <summary>
/// How a test starts one of the services as a process. The agent runs as it ships when CI published it
/// (<see cref="AgentPublishVariable"/>: <c>.ci/run</c> publishes the Native AOT agent once, and the packaging tests
/// package that same folder); otherwise, on a developer's machine, <c>dotnet chezlepro-agent.dll</c> from the test's
/// own build output. The collector always runs from its dll (it ships on the JIT).
/// </summary>
public static class ServiceCommand
{
    /// <summary>A linux publish folder of the agent (its native executable <c>chezlepro-agent</c> inside).</summary>
    public const string AgentPublishVariable = "CHEZLEPRO_PUBLISH_AGENT";

    private const string AgentDll = "chezlepro-agent.dll";

    /// <summary>The agent's published executable (<see cref="AgentPublishVariable"/>), or null when the tests run the dll.</summary>
    /// <exception cref="InvalidOperationException">The variable names a folder without the executable: a broken CI step
    /// must fail the tests, not quietly run them on the JIT build.</exception>
    public static string? AgentExecutable() => AgentExecutable(Environment.GetEnvironmentVariable(AgentPublishVariable));

    /// <summary>The agent's executable in the publish <paramref name="folder"/>, or null when no folder is given.</summary>
    public static string? AgentExecutable(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || OperatingSystem.IsWindows()) return null;
        var executable = Path.Combine(folder, "chezlepro-agent");
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"{AgentPublishVariable}={folder} has no chezlepro-agent executable");
    }

    /// <summary>The start info of <paramref name="dllName"/> (its output redirected), the published agent when there is one.</summary>
    public static ProcessStartInfo For(string dllName)
    {
        var executable = dllName == AgentDll ? AgentExecutable() : null;
        var psi = new ProcessStartInfo(executable ?? "dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (executable is null) psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dllName));
        return psi;
    }
}
