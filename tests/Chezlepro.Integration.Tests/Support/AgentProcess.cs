using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Testing;
using Chezlepro.Testing.Processes;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>
/// A real agent process with its own data folder and config: the Native AOT publish CI made (CHEZLEPRO_PUBLISH_AGENT,
/// see <see cref="ServiceCommand"/>), or the built <c>chezlepro-agent.dll</c>.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly string _configPath;
    private readonly StringWriterLog _log = new();
    private Process? _process;

    public AgentProcess(string site, string node, int brokerPort, int keepAliveSeconds = 5, string interval = "00:00:01", string? dataDirectory = null,
        IEnumerable<JsonObject>? extraSources = null, int? maxInflight = null)
    {
        Site = site;
        Node = node;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory($"agent-{site}-{node}-").FullName;
        StatusPort = FreePort.Next();
        _configPath = Path.Combine(DataDirectory, "agent.json");
        var config = new JsonObject
        {
            ["Agent"] = new JsonObject { ["Site"] = site, ["Node"] = node, ["DataDirectory"] = DataDirectory },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort, ["KeepAliveSeconds"] = keepAliveSeconds },
            ["StatusPage"] = new JsonObject { ["Urls"] = $"http://127.0.0.1:{StatusPort}" },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
            ["Sources"] = new JsonArray(new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = interval }),
        };
        if (maxInflight is { } window) config["Mqtt"]!["MaxInflight"] = window;
        // Extra sources (e.g. a victron-gx against a simulator) come after the host source.
        foreach (var source in extraSources ?? []) config["Sources"]!.AsArray().Add(source);
        File.WriteAllText(_configPath, config.ToJsonString());
    }

    public string Site { get; }

    public string Node { get; }

    public string DataDirectory { get; }

    public int StatusPort { get; }

    public string Log => _log.ToString();

    public void Start()
    {
        var psi = ServiceCommand.For("chezlepro-agent.dll");
        psi.ArgumentList.Add("--config");
        psi.ArgumentList.Add(_configPath);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => _log.Append(e.Data);
        _process.ErrorDataReceived += (_, e) => _log.Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown status, no DISCONNECT; the broker publishes the will.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: a clean stop (shutdown status, DISCONNECT).</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var kill = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process.Id}") { UseShellExecute = false })!) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>The agent's own <c>/api/status</c>, or null while it does not answer.</summary>
    public async Task<JsonElement?> StatusAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            return await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{StatusPort}/api/status");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        await Task.CompletedTask;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class StringWriterLog
    {
        private readonly System.Text.StringBuilder _sb = new();

        public void Append(string? line)
        {
            if (line is null) return;
            lock (_sb) _sb.AppendLine(line);
        }

        public override string ToString()
        {
            lock (_sb) return _sb.ToString();
        }
    }
}
