using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Chezlepro.Testing;
using Chezlepro.Testing.Systemd;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Packaging;

/// <summary>
/// The binary inside the .deb, started as systemd starts it: a parent process named <c>systemd</c> (what the
/// library's <c>SystemdHelpers.IsSystemdService</c> looks at), <c>NOTIFY_SOCKET</c> and <c>WATCHDOG_USEC</c>. The
/// library's lifetime and notifier and our watchdog must survive trimming; the journal gets priority-prefixed lines,
/// and the exit code tells <c>Restart=on-failure</c> a crash from a stop.
/// </summary>
[Trait("Category", "Integration")]
[Collection(DebPackagesCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PackagedAgentSystemdTests(DebPackages debs) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("packaged-systemd-");

    [Fact]
    public async Task StartedBySystemd_ReadyWatchdogJournalThenStoppingAndExitZero()
    {
        using var notify = NotifyListener.Abstract();
        var (launcher, log) = Start(notify.Address, Config(site: "lanaudiere"));

        var seen = new List<string>();
        await notify.ReceiveUntilAsync(seen, l => l == "READY=1");
        await notify.ReceiveUntilAsync(seen, l => l.StartsWith("WATCHDOG=1", StringComparison.Ordinal));
        SystemdChild.Terminate(launcher);
        await notify.ReceiveUntilAsync(seen, l => l == "STOPPING=1");
        await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, launcher.ExitCode);
        Assert.Contains(seen, l => l.StartsWith("STATUS=1 sources ok", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("<6>Chezlepro.Agent.Scheduling.SourceRunner[1001] Source host (host) polls every", StringComparison.Ordinal));
        Assert.All(log, l => Assert.Matches("^<[0-7]>", l));
    }

    [Fact]
    public async Task StartedBySystemd_InvalidOption_CriticalInTheJournalAndExitBadConfiguration()
    {
        using var notify = NotifyListener.Abstract();
        var (launcher, log) = Start(notify.Address, Config(site: "Not A Site"));

        await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(78, launcher.ExitCode);
        Assert.Contains(log, l => l.StartsWith("<2>Chezlepro.Agent[1111] The agent could not start or run (OptionsValidationException: Agent:Site = 'Not A Site'", StringComparison.Ordinal));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    private string Config(string site)
    {
        var path = Path.Combine(_scratch.FullName, $"agent-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, new JsonObject
        {
            ["Agent"] = new JsonObject { ["Site"] = site, ["Node"] = "pve1", ["DataDirectory"] = _scratch.FullName },
            // Nothing listens there: the agent keeps retrying, which does not concern systemd.
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = FreePort.Next() },
            ["StatusPage"] = new JsonObject { ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}" },
            ["Logging"] = new JsonObject { ["File"] = new JsonObject { ["Enabled"] = false } },
            ["Sources"] = new JsonArray(new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = "00:00:01" }),
        }.ToJsonString());
        return path;
    }

    private (Process Launcher, ConcurrentQueue<string> Log) Start(string notifySocket, string config)
    {
        var binary = Path.Combine(debs.RootOf("agent"), "usr/lib/chezlepro-agent/chezlepro-agent");
        File.SetUnixFileMode(binary, (UnixFileMode)0b111_101_101);
        return SystemdChild.Start(_scratch.FullName, notifySocket, TimeSpan.FromSeconds(2), binary, "--config", config);
    }
}
