using Chezlepro.Agent.Sources.RestoreTest;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing.Pbs;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.RestoreTest;

public sealed class RestoreTestSourceTests : IAsyncLifetime
{
    private RestoreFixture _f = null!;

    public async Task InitializeAsync() => _f = await RestoreFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task ReadAsync_Schedule_NotAtStartUpFirstAfterDelayThenReReportedUntilTheInterval()
    {
        var client = _f.Client(FakeBackupClient.WritesHostname("fw01"));
        var settings = _f.Settings(client, ("FirstRunDelay", "00:10:00"), ("TestInterval", "7.00:00:00"));
        var t0 = _f.Clock.GetUtcNow();
        await using var source = _f.Source(settings);

        var atStart = await source.ReadAsync(CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var beforeDelay = await source.ReadAsync(CancellationToken.None);
        Assert.Null(source.Running);
        Assert.False(File.Exists(client.StartedMarker));
        _f.Clock.Advance(TimeSpan.FromSeconds(1));
        var whileRunning = await source.ReadAsync(CancellationToken.None);
        await source.Running!.WaitAsync(TimeSpan.FromSeconds(30));
        _f.Clock.Advance(TimeSpan.FromDays(3));
        var later = await source.ReadAsync(CancellationToken.None);

        Assert.Empty(atStart.Health);
        Assert.Empty(beforeDelay.Health);
        Assert.Empty(whileRunning.Health);
        var result = Assert.Single(later.Health);
        Assert.Equal("restore.fw01-etc", result.Check);
        Assert.Equal(HealthStatus.Ok, result.Status);
        Assert.Null(source.Running);
        Assert.Equal(t0 + TimeSpan.FromMinutes(10) + TimeSpan.FromDays(7), source.DueAt);
        var d = result.Details!;
        Assert.Equal(["guest", "snapshot", "archive", "bytes", "durationSeconds", "outcome", "sha256", "startedAt"], d.Select(p => p.Key));
        Assert.Equal("host-fw01", d["guest"]!.GetValue<string>());
        Assert.Equal("host/fw01/2026-11-21T11:00:00Z", d["snapshot"]!.GetValue<string>());
        Assert.Equal("root.pxar.didx", d["archive"]!.GetValue<string>());
        Assert.Equal(4, d["bytes"]!.GetValue<long>());
        Assert.Equal("ok", d["outcome"]!.GetValue<string>());
        Assert.Equal("2026-11-21T14:10:00.000Z", d["startedAt"]!.GetValue<string>());
        Assert.StartsWith("host/fw01/2026-11-21T11:00:00Z root.pxar.didx: restore verified, 4 bytes", result.SummaryEn, StringComparison.Ordinal);
        Assert.StartsWith("host/fw01/2026-11-21T11:00:00Z root.pxar.didx\u00a0: restauration vérifiée", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AfterRestart_LastResultReportedAndNoEarlyRun()
    {
        var client = _f.Client(FakeBackupClient.WritesHostname("fw01"));
        var settings = _f.Settings(client, ("FirstRunDelay", "00:01:00"), ("TestInterval", "7.00:00:00"));
        await using (var first = _f.Source(settings))
        {
            await first.ReadAsync(CancellationToken.None);
            _f.Clock.Advance(TimeSpan.FromMinutes(1));
            await first.ReadAsync(CancellationToken.None);
            await first.Running!.WaitAsync(TimeSpan.FromSeconds(30));
        }
        var lastRun = _f.Clock.GetUtcNow();
        File.Delete(client.StartedMarker);
        _f.Clock.Advance(TimeSpan.FromHours(2));

        await using var second = _f.Source(settings);
        var afterRestart = await second.ReadAsync(CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        var pastFirstDelay = await second.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Ok, Assert.Single(afterRestart.Health).Status);
        Assert.Single(pastFirstDelay.Health);
        Assert.Null(second.Running);
        Assert.Equal(lastRun + TimeSpan.FromDays(7), second.DueAt);
        Assert.False(File.Exists(client.StartedMarker));
    }

    [Fact]
    public async Task ReadAsync_FailedRestore_CriticalWithOutcomeAndReason()
    {
        var settings = _f.Settings(_f.Client(FakeBackupClient.Fails(1, "Error: unable to open chunk store")), ("FirstRunDelay", "00:00:01"));
        await using var source = _f.Source(settings);

        await source.ReadAsync(CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromSeconds(1));
        await source.ReadAsync(CancellationToken.None);
        await source.Running!.WaitAsync(TimeSpan.FromSeconds(30));
        var reading = await source.ReadAsync(CancellationToken.None);

        var result = Assert.Single(reading.Health);
        Assert.Equal(HealthStatus.Critical, result.Status);
        Assert.Equal("failed", result.Details!["outcome"]!.GetValue<string>());
        Assert.Contains("the client exited with code 1: Error: unable to open chunk store", result.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StateFileGarbage_StartsAfreshAfterFirstDelay()
    {
        var settings = _f.Settings(_f.Client(FakeBackupClient.WritesHostname("fw01")), ("FirstRunDelay", "00:05:00"));
        Directory.CreateDirectory(Path.GetDirectoryName(settings.StateFile)!);
        File.WriteAllText(settings.StateFile, "{\"lastRunAt\": \"not a time\", ");
        await using var source = _f.Source(settings);

        var reading = await source.ReadAsync(CancellationToken.None);

        Assert.Empty(reading.Health);
        Assert.Equal(_f.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), source.DueAt);
    }
}
