using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Patches;
using Chezlepro.Agent.Tests.Sources.Proxmox;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Patches;

/// <summary>The source built by its factory, run against a fake apt-get (a script the test writes) on the fake clock.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PatchesSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("chezlepro-patches-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public PatchesSourceTests() => _time.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Toronto"));

    private string HistoryPath => Path.Combine(_dir, "history.log");

    [Fact]
    public async Task Read_SecurityPendingLastPatchOlderThanGrace_WarningWithDetailsAndTelemetry()
    {
        File.WriteAllText(HistoryPath, AptFixtures.History);
        var source = Source(FakeApt(AptFixtures.Bookworm));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

        var reading = await source.ReadAsync(CancellationToken.None);

        // Last upgrade 2026-11-20T11:26:03Z, read at 2026-11-27T12:00Z: 7 days and 34 min, beyond the 7-day grace.
        var age = (_time.GetUtcNow() - new DateTimeOffset(2026, 11, 20, 11, 26, 3, TimeSpan.Zero)).TotalSeconds;
        Assert.Equal([("patch.age", age), ("patch.pending", 6.0), ("patch.security", 4.0)], reading.Samples.Select(s => (s.Metric, s.Value)));
        var health = Assert.Single(reading.Health);
        Assert.Equal(("patch", HealthStatus.Warning), (health.Check, health.Status));
        Assert.Equal("2026-11-20T11:26:03Z", (string?)health.Details!["lastPatchAt"]);
        Assert.Equal((6, 4), ((int)health.Details["pending"]!, (int)health.Details["security"]!));
        Assert.Equal(["libssl3", "openssl", "linux-image-6.1.0-28-amd64", "linux-image-amd64"], health.Details["packages"]!.AsArray().Select(p => (string?)p));
        Assert.Contains("de sécurité", health.Summary, StringComparison.Ordinal);
        Assert.Contains("Security updates pending for more than 7 d", health.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SecurityPendingWithinGrace_Ok()
    {
        File.WriteAllText(HistoryPath, AptFixtures.History);

        var health = Assert.Single((await Source(FakeApt(AptFixtures.Bookworm)).ReadAsync(CancellationToken.None)).Health);

        Assert.Equal(HealthStatus.Ok, health.Status);
        Assert.EndsWith("last upgrade 2 d ago", health.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UpToDateNoHistory_OkWithoutAge()
    {
        var reading = await Source(FakeApt(AptFixtures.UpToDate)).ReadAsync(CancellationToken.None);

        Assert.DoesNotContain(reading.Samples, s => s.Metric == "patch.age");
        var health = Assert.Single(reading.Health);
        Assert.Equal(HealthStatus.Ok, health.Status);
        Assert.Null(health.Details!["lastPatchAt"]);
    }

    [Fact]
    public async Task Read_CurrentLogWithoutUpgrade_RotatedGzipRead()
    {
        File.WriteAllText(HistoryPath, "Start-Date: 2026-12-01  00:00:00\nRemove: a:amd64 (1)\nEnd-Date: 2026-12-01  00:00:01\n");
        await using (var gz = new GZipStream(File.Create(HistoryPath + ".1.gz"), CompressionLevel.Fastest))
            await gz.WriteAsync(Encoding.UTF8.GetBytes(AptFixtures.History));

        var health = Assert.Single((await Source(FakeApt(AptFixtures.UpToDate)).ReadAsync(CancellationToken.None)).Health);

        Assert.Equal("2026-11-20T11:26:03Z", (string?)health.Details!["lastPatchAt"]);
    }

    [Fact]
    public async Task Read_SecurityPendingNeverPatched_Warning()
    {
        var health = Assert.Single((await Source(FakeApt(AptFixtures.Noble)).ReadAsync(CancellationToken.None)).Health);

        Assert.Equal(HealthStatus.Warning, health.Status);
    }

    [Theory]
    [InlineData("exit 100", "exit code 100")]
    [InlineData("printf 'Reading package lists...\\n5 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\\nInst a [1] (2 Debian:12/stable [all])\\n'", "unreadable or truncated output")]
    [InlineData("head -c 100000 /dev/urandom", "unreadable or truncated output")]
    public async Task Read_FailedSimulation_UnknownNoCounts(string script, string reason)
    {
        File.WriteAllText(HistoryPath, AptFixtures.History);

        var reading = await Source(Script(script)).ReadAsync(CancellationToken.None);

        Assert.Equal(["patch.age"], reading.Samples.Select(s => s.Metric));
        var health = Assert.Single(reading.Health);
        Assert.Equal(HealthStatus.Unknown, health.Status);
        Assert.Contains(reason, health.SummaryEn, StringComparison.Ordinal);
        Assert.Equal("2026-11-20T11:26:03Z", (string?)health.Details!["lastPatchAt"]);
    }

    [Fact]
    public async Task Read_SimulationHangs_KilledAtTimeoutUnknown()
    {
        var read = Source(Script("exec sleep 60"), ("Timeout", "00:00:30")).ReadAsync(CancellationToken.None).AsTask();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (_time.PendingTimers == 0) await Task.Delay(10, wait.Token);

        _time.Advance(TimeSpan.FromSeconds(30));

        var health = Assert.Single((await read.WaitAsync(wait.Token)).Health);
        Assert.Equal(HealthStatus.Unknown, health.Status);
        Assert.Contains("timed out", health.SummaryEn, StringComparison.Ordinal);
    }

    private ISource Source(string command, params (string Key, string Value)[] extra)
    {
        var keys = new[] { ("Type", "patches"), ("Name", "patches"), ("Command", command), ("HistoryPath", HistoryPath) }.Concat(extra);
        var root = SourceConfig.Root(keys.Select(k => ($"Sources:0:{k.Item1}", k.Item2)).ToArray());
        var definition = new SourceDefinition(0, "patches", "patches", TimeSpan.FromHours(6), root.GetSection("Sources:0"), root);
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<TimeProvider>(_time).BuildServiceProvider();
        return new PatchesSourceFactory().Create(definition, services);
    }

    // The fake refuses to answer unless run in the C locale, as the factory must run it.
    private string FakeApt(string output)
    {
        var fixture = Path.Combine(_dir, $"out-{Guid.NewGuid():N}.txt");
        File.WriteAllText(fixture, output);
        return Script($"[ \"$LC_ALL\" = C ] || exit 3\n[ \"$1 $2\" = '-s dist-upgrade' ] || exit 4\ncat '{fixture}'");
    }

    private string Script(string body)
    {
        var path = Path.Combine(_dir, $"apt-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
