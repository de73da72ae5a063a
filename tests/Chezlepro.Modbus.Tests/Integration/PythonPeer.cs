using System.Diagnostics;

namespace Chezlepro.Modbus.Tests.Integration;

/// <summary>Runs a Python script (written to a temp file) with /usr/bin/python3, which has pymodbus; killed on dispose.</summary>
public sealed class PythonPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _script;

    private PythonPeer(Process process, string script)
    {
        _process = process;
        _script = script;
    }

    public static async Task<PythonPeer> StartAsync(string source, params string[] args)
    {
        var script = Path.Combine(Path.GetTempPath(), $"chez-py-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, source);
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("ready", first);
        return new PythonPeer(process, script);
    }

    /// <summary>Runs a script to completion and returns its standard output.</summary>
    public static async Task<string> RunAsync(string source, params string[] args)
    {
        var script = Path.Combine(Path.GetTempPath(), $"chez-py-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, source);
        try
        {
            var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add(script);
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return output;
        }
        finally
        {
            File.Delete(script);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        File.Delete(_script);
    }
}
