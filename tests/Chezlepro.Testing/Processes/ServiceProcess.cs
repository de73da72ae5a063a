using System.Diagnostics;
using System.Text;

namespace Chezlepro.Testing.Processes;

/// <summary>
/// One of the project's services run as a real process (<c>dotnet &lt;dll&gt; --config &lt;file&gt;</c>, or the published
/// agent: <see cref="ServiceCommand"/>), its console
/// kept in memory: killable with SIGKILL (the crash the chaos suite needs), stoppable with SIGTERM, restartable.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly string _dll;
    private readonly string _dllName;
    private readonly string _configPath;
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <summary>Prepares (does not start) the service whose dll lies next to the test assembly.</summary>
    public ServiceProcess(string dllName, string configPath)
    {
        _dll = Path.Combine(AppContext.BaseDirectory, dllName);
        _dllName = dllName;
        _configPath = configPath;
        // A bench stopped with Ctrl-C (or a test host that exits) must not leave the service running behind it.
        AppDomain.CurrentDomain.ProcessExit += OnHostExit;
    }

    /// <summary>Console output of every run so far.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Process id of the current run, or null before the first start.</summary>
    public int? Pid => _process?.Id;

    /// <summary>True while the current run is alive.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a run; the previous one must have ended.</summary>
    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException($"{_dll} is already running (pid {_process!.Id})");
        _process?.Dispose();
        var psi = ServiceCommand.For(_dllName);
        psi.ArgumentList.Add("--config");
        psi.ArgumentList.Add(_configPath);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown, no DISCONNECT, nothing flushed.</summary>
    public void Kill()
    {
        if (!IsRunning) return;
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM and wait (SIGKILL after <paramref name="grace"/>, 20 s by default).</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (!IsRunning) return;
        using (var kill = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process!.Id}") { UseShellExecute = false })!)
            await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Peak resident set of the current run (VmHWM of /proc/&lt;pid&gt;/status), in KiB; null once it has exited.</summary>
    public long? PeakRssKb() => IsRunning ? ProcessMemory.PeakResidentKb(_process!.Id) : null;

    /// <inheritdoc />
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        Kill();
        _process?.Dispose();
    }

    private void OnHostExit(object? sender, EventArgs e) => Kill();

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }
}
