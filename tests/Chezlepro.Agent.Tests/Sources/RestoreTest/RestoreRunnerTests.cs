using Xunit;
using System.Security.Cryptography;
using System.Text;
using Chezlepro.Agent.Sources.RestoreTest;
using Chezlepro.Simulators.Http;
using Chezlepro.Testing.Pbs;

namespace Chezlepro.Agent.Tests.Sources.RestoreTest;

public sealed class RestoreRunnerTests : IAsyncLifetime
{
    private RestoreFixture _f = null!;

    public async Task InitializeAsync() => _f = await RestoreFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<RestoreResult> RunAsync(FakeBackupClient client, params (string Key, string Value)[] extra)
    {
        var settings = _f.Settings(client, extra);
        using var runner = _f.Runner(settings);
        return await runner.RunAsync(settings.Samples[0], CancellationToken.None);
    }

    private string[] ScratchLeft() =>
        Directory.GetFileSystemEntries(Path.Combine(_f.Folder, "scratch")).Select(Path.GetFileName).Where(n => n != ".chezlepro-restore-test").ToArray()!;

    [Fact]
    public async Task RunAsync_GoodRestore_OkWithSnapshotHashAndScratchEmptied()
    {
        var client = _f.Client(FakeBackupClient.WritesHostname("fw01"));

        var result = await RunAsync(client, ("Samples:0:ExpectedSha256", Sha("fw01")));

        Assert.Equal(RestoreResult.Ok, result.Outcome);
        Assert.Equal("host/fw01/2026-11-21T11:00:00Z", result.Snapshot);
        Assert.Equal(4, result.Bytes);
        Assert.Equal(Sha("fw01"), result.Sha256);
        Assert.Equal(_f.Clock.GetUtcNow(), result.StartedAt);
        Assert.Equal(["restore", "host/fw01/2026-11-21T11:00:00Z", "root.pxar.didx", Path.Combine(_f.Folder, "scratch", "root.pxar"),
            "--repository", _f.Repository], client.LastArguments);
        // The secret goes through the environment only, never the command line.
        Assert.Equal($"PBS_PASSWORD={RestoreFixture.Secret} PBS_FINGERPRINT={_f.Pbs.CertificateFingerprint}", client.LastEnvironment);
        Assert.DoesNotContain(client.LastArguments, a => a.Contains(RestoreFixture.Secret, StringComparison.Ordinal));
        Assert.Empty(ScratchLeft());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_f.Folder, "scratch")));
    }

    [Fact]
    public async Task RunAsync_EncryptedBackup_KeyFileOnTheCommandLine_ItsPasswordOnlyInTheEnvironment()
    {
        var client = _f.Client(FakeBackupClient.WritesHostname("fw01"));

        var result = await RunAsync(client, ("KeyFile", "/etc/chezlepro-agent/pbs.enc"), ("KeyPassword", "key-secret-1"));

        Assert.Equal(RestoreResult.Ok, result.Outcome);
        Assert.Equal(["restore", "host/fw01/2026-11-21T11:00:00Z", "root.pxar.didx", Path.Combine(_f.Folder, "scratch", "root.pxar"),
            "--repository", _f.Repository, "--keyfile", "/etc/chezlepro-agent/pbs.enc"], client.LastArguments);
        Assert.Equal($"PBS_PASSWORD={RestoreFixture.Secret} PBS_FINGERPRINT={_f.Pbs.CertificateFingerprint} PBS_ENCRYPTION_PASSWORD=key-secret-1",
            client.LastEnvironment);
        Assert.DoesNotContain(client.LastArguments, a => a.Contains("key-secret-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NamespaceAndImage_NsPassedRunningSnapshotSkipped()
    {
        var client = _f.Client(FakeBackupClient.WritesImage(2048));

        var result = await RunAsync(client, ("Samples:0:Guest", "vm-100"), ("Samples:0:Archive", "drive-scsi0.img.fidx"), ("Samples:0:Path", ""),
            ("Namespace", "site-a"), ("MaxBytes", "40000000000"));

        Assert.Equal(RestoreResult.Ok, result.Outcome);
        // 12:40 is still running (no manifest): the newest finished snapshot is 11:00.
        Assert.Equal("vm/100/2026-11-21T11:00:00Z", result.Snapshot);
        Assert.Equal(2048, result.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new byte[2048])), result.Sha256);
        Assert.Equal(["--ns", "site-a"], client.LastArguments.TakeLast(2));
        Assert.Equal(Path.Combine(_f.Folder, "scratch", "drive-scsi0.img"), client.LastArguments[3]);
    }

    [Fact]
    public async Task RunAsync_WrongHash_Mismatch()
    {
        var result = await RunAsync(_f.Client(FakeBackupClient.WritesHostname("tampered")), ("Samples:0:ExpectedSha256", Sha("fw01")));

        Assert.Equal(RestoreResult.Mismatch, result.Outcome);
        Assert.Equal(Sha("tampered"), result.Sha256);
        Assert.Contains(Sha("fw01"), result.ReasonEn, StringComparison.Ordinal);
        Assert.Empty(ScratchLeft());
    }

    [Fact]
    public async Task RunAsync_CheckCommand_GetsPathAndItsExitDecides()
    {
        var check = Path.Combine(_f.Folder, "check.sh");
        File.WriteAllText(check, "#!/bin/sh\ngrep -q fw01 \"$1\" || { echo \"bad content in $1\" >&2; exit 3; }\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(check, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var good = await RunAsync(_f.Client(FakeBackupClient.WritesHostname("fw01")), ("Samples:0:CheckCommand", check));
        var bad = await RunAsync(_f.Client(FakeBackupClient.WritesHostname("other")), ("Samples:0:CheckCommand", check));

        Assert.Equal(RestoreResult.Ok, good.Outcome);
        Assert.Equal(RestoreResult.Mismatch, bad.Outcome);
        Assert.Contains("exited with code 3: bad content in", bad.ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClientFails_FailedWithStderrAndNoSecret()
    {
        var result = await RunAsync(_f.Client(FakeBackupClient.Fails(255, $"Error: permission check failed {RestoreFixture.Secret}")));

        Assert.Equal(RestoreResult.Failed, result.Outcome);
        Assert.Equal($"the client exited with code 255: Error: permission check failed ***", result.ReasonEn);
        Assert.Equal("host/fw01/2026-11-21T11:00:00Z", result.Snapshot);
    }

    [Fact]
    public async Task RunAsync_ClientMissing_Failed()
    {
        var client = _f.Client("true");
        File.Delete(client.Path);

        var result = await RunAsync(client);

        Assert.Equal(RestoreResult.Failed, result.Outcome);
    }

    [Fact]
    public async Task RunAsync_NothingWrittenOrPathMissing_Failed()
    {
        var empty = await RunAsync(_f.Client("exit 0"));
        var other = await RunAsync(_f.Client("mkdir -p \"$4/var\" && echo x > \"$4/var/log\""));

        Assert.Equal(RestoreResult.Failed, empty.Outcome);
        Assert.Equal("the restore wrote nothing", empty.ReasonEn);
        Assert.Equal(RestoreResult.Failed, other.Outcome);
        Assert.Equal("etc/hostname not found in the restored archive", other.ReasonEn);
    }

    [Fact]
    public async Task RunAsync_ClientHangs_TimeoutAtTheDeadlineAndKilled()
    {
        var client = _f.Client(FakeBackupClient.Hangs);
        var settings = _f.Settings(client, ("Timeout", "00:05:00"));
        using var runner = _f.Runner(settings);

        var run = runner.RunAsync(settings.Samples[0], CancellationToken.None);
        await WaitForAsync(() => File.Exists(client.StartedMarker));
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RestoreResult.TimedOut, result.Outcome);
        Assert.Equal(300, result.DurationSeconds);
        Assert.Empty(ScratchLeft());
    }

    [Fact]
    public async Task RunAsync_RestoreOutgrowsCap_StoppedAsFailed()
    {
        var client = _f.Client(FakeBackupClient.WritesHostname("fw01-" + new string('x', 5000)) + "; " + FakeBackupClient.Hangs);
        // etc.pxar is not in the manifest's list, so no size is known before the restore.
        var settings = _f.Settings(client, ("MaxBytes", "1000"), ("Samples:0:Archive", "etc.pxar"));
        using var runner = _f.Runner(settings);

        var run = runner.RunAsync(settings.Samples[0], CancellationToken.None);
        await WaitForAsync(() => File.Exists(client.StartedMarker) && Directory.GetFiles(Path.Combine(_f.Folder, "scratch"), "hostname", SearchOption.AllDirectories).Length > 0);
        await WaitForAsync(() => { _f.Clock.Advance(TimeSpan.FromSeconds(1)); return run.IsCompleted; });
        var result = await run;

        Assert.Equal(RestoreResult.Failed, result.Outcome);
        Assert.Equal("the restore exceeds MaxBytes (1000 bytes), stopped", result.ReasonEn);
    }

    [Fact]
    public async Task RunAsync_ListedArchiveLargerThanCap_FailedBeforeRestoring()
    {
        var client = _f.Client(FakeBackupClient.WritesHostname("fw01"));

        var result = await RunAsync(client, ("MaxBytes", "1000"));

        Assert.Equal(RestoreResult.Failed, result.Outcome);
        Assert.Equal("the archive is 1199600 bytes, more than MaxBytes (1000)", result.ReasonEn);
        Assert.False(File.Exists(client.StartedMarker));
    }

    [Fact]
    public async Task RunAsync_ScratchNotWritableOrNotOurs_FailedAndForeignFilesKept()
    {
        var blocker = Path.Combine(_f.Folder, "a-file");
        File.WriteAllText(blocker, "");
        var foreign = Path.Combine(_f.Folder, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.me"), "mine");
        var client = _f.Client(FakeBackupClient.WritesHostname("fw01"));

        var notWritable = await RunAsync(client, ("ScratchDirectory", Path.Combine(blocker, "scratch")));
        var notOurs = await RunAsync(client, ("ScratchDirectory", foreign));

        Assert.Equal(RestoreResult.Failed, notWritable.Outcome);
        Assert.Equal(RestoreResult.Failed, notOurs.Outcome);
        Assert.Contains("not empty and was not made by the restore test", notOurs.ReasonEn, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(foreign, "keep.me")));
        Assert.False(File.Exists(client.StartedMarker));
    }

    [Theory]
    [InlineData("{\"data\": [ {\"backup-type\": ")]
    [InlineData("<html>proxy error</html>")]
    [InlineData("{\"data\": {\"not\": \"a list\"}}")]
    public async Task RunAsync_GarbageSnapshotList_Failed(string body)
    {
        _f.Pbs.On($"admin/datastore/{ProxmoxFixtures.PbsDatastore}/snapshots", Encoding.UTF8.GetBytes(body));
        var client = _f.Client(FakeBackupClient.WritesHostname("fw01"));

        var result = await RunAsync(client);

        Assert.Equal(RestoreResult.Failed, result.Outcome);
        Assert.StartsWith("snapshot list unreadable: ", result.ReasonEn, StringComparison.Ordinal);
        Assert.Null(result.Snapshot);
        Assert.False(File.Exists(client.StartedMarker));
    }

    [Fact]
    public async Task RunAsync_GuestWithoutFinishedSnapshot_Failed()
    {
        var result = await RunAsync(_f.Client(FakeBackupClient.WritesHostname("fw01")), ("Samples:0:Guest", "ct-202"), ("Namespace", "site-a"));

        Assert.Equal(RestoreResult.Failed, result.Outcome);
        Assert.Equal("no finished snapshot of this guest", result.ReasonEn);
    }

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(20, limit.Token);
    }
}
