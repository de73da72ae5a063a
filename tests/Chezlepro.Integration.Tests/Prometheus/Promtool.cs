using System.Diagnostics;
using Xunit;

namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>
/// Runs <c>promtool</c> (Debian package <c>prometheus</c>). A missing promtool fails the test: the rules and the
/// exposition would otherwise ship unchecked while CI stays green.
/// </summary>
public static class Promtool
{
    private static readonly string[] Candidates = ["/usr/bin/promtool", "/usr/local/bin/promtool"];

    /// <summary>The binary, or a failed assertion naming the package to install.</summary>
    public static string Binary =>
        Candidates.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(d => System.IO.Path.Combine(d, "promtool")).FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException("promtool not found: install the Debian package prometheus (apt-get install -y prometheus); it is listed in .ci/peers.");

    /// <summary>Runs promtool with <paramref name="args"/> (and <paramref name="stdin"/> piped in); exit code and both outputs.</summary>
    public static Task<(int Exit, string Output)> RunAsync(string? stdin, string workingDirectory, params string[] args) =>
        RunToolAsync(Binary, stdin, workingDirectory, args);

    /// <summary>Runs <paramref name="binary"/> (promtool or another Prometheus tool); exit code and both outputs.</summary>
    public static async Task<(int Exit, string Output)> RunToolAsync(string binary, string? stdin, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>Runs promtool and fails with its whole output unless it exits 0.</summary>
    public static async Task<string> AssertPassesAsync(string? stdin, string workingDirectory, params string[] args)
    {
        var (exit, output) = await RunAsync(stdin, workingDirectory, args);
        Assert.True(exit == 0, $"promtool {string.Join(' ', args)} exited {exit}:\n{output}");
        return output;
    }
}
