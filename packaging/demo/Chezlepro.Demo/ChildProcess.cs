using System.Diagnostics;

namespace Chezlepro.Demo;

/// <summary>A child process whose output goes to a log file, stopped with SIGTERM (then killed after a grace period).</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly object _gate = new();

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string name, string file, IEnumerable<string> arguments, string logPath)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new DemoException($"could not start {file}");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var child = new ChildProcess(name, process, log);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process.Id}") { UseShellExecute = false }))
            {
                if (kill is not null) await kill.WaitForExitAsync();
            }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        lock (_gate) _log.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            if (_log.BaseStream.CanWrite) _log.WriteLine(line);
        }
    }
}
