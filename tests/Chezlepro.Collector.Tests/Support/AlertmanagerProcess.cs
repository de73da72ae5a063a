using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chezlepro.Testing;

namespace Chezlepro.Collector.Tests.Support;

/// <summary>
/// A real Alertmanager (Debian <c>prometheus-alertmanager</c>) on a loopback port the test picks, clustering off,
/// with its configuration and storage in a temporary folder; killable and restartable on the same port and storage.
/// </summary>
public sealed class AlertmanagerProcess : IAsyncDisposable
{
    /// <summary>The binary the Debian package installs.</summary>
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly string _directory = Directory.CreateTempSubdirectory("alertmanager-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _process;

    private AlertmanagerProcess(int port) => Port = port;

    /// <summary>The loopback port of the web listener.</summary>
    public int Port { get; }

    /// <summary>Base URL, for <c>Noc:Alertmanager:Url</c>.</summary>
    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Writes a configuration (one receiver that sends nothing) and starts Alertmanager.</summary>
    public static async Task<AlertmanagerProcess> StartAsync()
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} is missing: apt-get install -y prometheus-alertmanager");
        var am = new AlertmanagerProcess(FreePort.Next());
        await File.WriteAllTextAsync(Path.Combine(am._directory, "alertmanager.yml"), "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
        await am.StartAgainAsync();
        return am;
    }

    /// <summary>Starts Alertmanager (again, after <see cref="Kill"/>) and waits until <c>/-/ready</c> answers.</summary>
    public async Task StartAgainAsync()
    {
        var psi = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { $"--config.file={Path.Combine(_directory, "alertmanager.yml")}", $"--storage.path={Path.Combine(_directory, "data")}",
                     $"--web.listen-address=127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}", "--cluster.listen-address=" })
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"prometheus-alertmanager exited with {_process.ExitCode}");
            try
            {
                using var ready = await _http.GetAsync(new Uri(Url + "/-/ready"), cts.Token);
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50, cts.Token);
        }
    }

    /// <summary>Kills the process (SIGKILL): nothing saved, as after a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } p) return;
        p.Kill();
        await p.WaitForExitAsync();
    }

    /// <summary>The alerts <c>GET /api/v2/alerts</c> lists (active, silenced, inhibited, unprocessed; not resolved).</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsAsync()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync(new Uri(Url + "/api/v2/alerts")));
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The listed alerts whose <c>noc_id</c> label is <paramref name="id"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsAsync(string id) =>
        [.. (await AlertsAsync()).Where(a => a.GetProperty("labels").TryGetProperty("noc_id", out var n) && n.GetString() == id)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
