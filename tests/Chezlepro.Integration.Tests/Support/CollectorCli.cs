using System.Diagnostics;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>The collector's CLI as an operator or an auditor runs it: its own process, the API key from the environment.</summary>
internal static class CollectorCli
{
    /// <summary>Runs <c>chezlepro-collector &lt;args&gt;</c> against <paramref name="url"/> with the reader key; exit code and output.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string url, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chezlepro-collector.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CHEZLEPRO_API_KEY"] = CollectorHost.ReaderKey;
        psi.Environment["CHEZLEPRO_URL"] = url;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), await errors);
    }
}
