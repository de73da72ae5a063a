using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Ceph;
using Chezlepro.Health.Http;
using Chezlepro.Health.Tests.Support;
using Chezlepro.Testing.Http;
using Chezlepro.Testing.Tls;

namespace Chezlepro.Health.Tests.Ceph;

public class CephHealthReaderTests
{
    private sealed class StubRunner(ProcessResult result) : IProcessRunner
    {
        public List<(string File, IReadOnlyList<string> Args, TimeSpan Timeout)> Calls { get; } = [];

        public Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Calls.Add((fileName, arguments, timeout));
            return Task.FromResult(result);
        }
    }

    private static readonly ListLogger Log = new();

    [Fact]
    public async Task ReadAsync_CliOk_PassesConnectTimeoutAndMaps()
    {
        var runner = new StubRunner(new ProcessResult(0, File.ReadAllText(Fixture.PathOf("ceph/quincy-cli-ok.json")), ""));
        var reader = CephHealthReader.ViaCli(new CephCliOptions { ConnectTimeout = TimeSpan.FromSeconds(7), ClientName = "client.monitor" }, runner, Log);

        var report = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Ok, report.Find("ceph")!.Status);
        var call = Assert.Single(runner.Calls);
        Assert.Equal("ceph", call.File);
        Assert.Equal(["status", "--format", "json", "--connect-timeout", "7", "--name", "client.monitor"], call.Args);
        Assert.Equal(TimeSpan.FromSeconds(22), call.Timeout);
    }

    [Theory]
    [InlineData(1, "", "[errno 110] RADOS timed out (error connecting to the cluster)", false, "ceph status failed (exit 1): [errno 110] RADOS timed out")]
    [InlineData(-1, "", "", true, "ceph status did not finish within 25 s")]
    [InlineData(0, "{\"health\": {\"status\": \"HEAL", "", false, "printed something other than JSON")]
    [InlineData(-1, "", "cannot start ceph: No such file or directory", false, "cannot start ceph")]
    public async Task ReadAsync_CliFailures_UnknownWithReason(int exit, string stdout, string stderr, bool timedOut, string expected)
    {
        var reader = CephHealthReader.ViaCli(new CephCliOptions(), new StubRunner(new ProcessResult(exit, stdout, stderr, timedOut)), Log);

        var ceph = (await reader.ReadAsync(CancellationToken.None)).Find("ceph")!;

        Assert.Equal(HealthStatus.Unknown, ceph.Status);
        Assert.Contains(expected, ceph.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemProcessRunner_RealProcess_CapturesOutputAndKillsAtLimit()
    {
        var runner = new SystemProcessRunner(TimeProvider.System);

        var ok = await runner.RunAsync("/bin/sh", ["-c", "echo '{\"a\":1}'; echo err >&2; exit 3"], TimeSpan.FromSeconds(10), CancellationToken.None);
        var slow = await runner.RunAsync("/bin/sh", ["-c", "sleep 30"], TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal((3, "{\"a\":1}\n", "err\n", false), (ok.ExitCode, ok.StandardOutput, ok.StandardError, ok.TimedOut));
        Assert.True(slow.TimedOut);
    }

    [Trait("Category", "Integration")]
    [Fact]
    public async Task ReadAsync_ViaProxmoxReef_WarningAndNotInstalledIsUnknown()
    {
        var cert = TestCertificates.SelfSigned();
        await using var server = new FakeApiServer(cert).On("cluster/ceph/status", FakeReply.Fixture("ceph/reef-pve-warn.json"));
        using var http = new ApiHttpClient(new ApiClientOptions
        {
            BaseUrls = [server.BaseUrl], TokenId = "monitor@pve!agent", TokenSecret = "s",
            CertificateFingerprints = [CertificateTrust.Format(cert)], Timeout = TimeSpan.FromSeconds(10),
        }, ApiFlavor.ProxmoxVe, TimeProvider.System, Log);
        var reader = CephHealthReader.ViaProxmox(http, Log);

        var warn = (await reader.ReadAsync(CancellationToken.None)).Find("ceph")!;
        server.On("cluster/ceph/status", FakeReply.Error(500, "binary not installed: /usr/bin/ceph-mon"));
        var absent = (await reader.ReadAsync(CancellationToken.None)).Find("ceph")!;

        Assert.Equal(HealthStatus.Warning, warn.Status);
        Assert.Equal(HealthStatus.Unknown, absent.Status);
        Assert.StartsWith("Ceph is not installed or not initialised", absent.SummaryEn, StringComparison.Ordinal);
    }
}
