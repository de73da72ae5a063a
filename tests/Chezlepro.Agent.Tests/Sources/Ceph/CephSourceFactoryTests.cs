using Chezlepro.Agent.Sources.Ceph;
using Chezlepro.Agent.Tests.Sources.Proxmox;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Ceph;

public class CephSourceFactoryTests
{
    [Fact]
    public void Validate_ContractExampleBesideAProxmoxSource_NoProblem()
    {
        var root = SourceConfig.Root(
            ("Sources:0:Type", "proxmox"), ("Sources:0:Name", "pve"), ("Sources:0:BaseUrl", "https://pve1:8006"),
            ("Sources:0:TokenId", "monitor@pve!agent"), ("Sources:0:TokenSecret", SourceConfig.Secret),
            ("Sources:1:Type", "ceph"), ("Sources:1:Name", "ceph"), ("Sources:1:Mode", "proxmox-api"));

        Assert.Empty(new CephSourceFactory().Validate(SourceConfig.Entry(root, 1)));
    }

    [Fact]
    public void Validate_ProxmoxApiWithNothingToBorrow_NamesModeAndValue() =>
        Assert.Equal(["Sources:0:Mode: 'proxmox-api' needs BaseUrl/TokenId/TokenSecret on this entry or a 'proxmox' source to borrow them from"
            + " / demande BaseUrl/TokenId/TokenSecret sur cette entrée ou une source «\u00a0proxmox\u00a0» à qui les emprunter"],
            new CephSourceFactory().Validate(SourceConfig.Entry(("Type", "ceph"), ("Name", "ceph"), ("Mode", "proxmox-api"))));

    [Fact]
    public void Validate_BorrowedTimeoutLongerThanInterval_NamesBothKeys()
    {
        var root = SourceConfig.Root(
            ("Sources:0:Type", "proxmox"), ("Sources:0:Name", "pve"), ("Sources:0:BaseUrl", "https://pve1:8006"),
            ("Sources:0:TokenId", "monitor@pve!agent"), ("Sources:0:TokenSecret", SourceConfig.Secret), ("Sources:0:Timeout", "00:00:20"),
            ("Sources:1:Type", "ceph"), ("Sources:1:Name", "ceph"));
        var entry = SourceConfig.Entry(root, 1) with { Interval = TimeSpan.FromSeconds(10) };

        Assert.Equal(["Sources:1:Interval: 00:00:10 must be longer than the borrowed Sources:0:Timeout (00:00:20) / doit dépasser le délai d’attente emprunté"],
            new CephSourceFactory().Validate(entry));
    }

    [Fact]
    public void Validate_UnknownModeAndBadConnectTimeout_Named()
    {
        Assert.Contains("Sources:0:Mode: 'rest' must be 'proxmox-api' or 'cli' / doit être «\u00a0proxmox-api\u00a0» ou «\u00a0cli\u00a0»",
            new CephSourceFactory().Validate(SourceConfig.Entry(("Type", "ceph"), ("Mode", "rest"))));
        Assert.Contains(new CephSourceFactory().Validate(SourceConfig.Entry(("Type", "ceph"), ("Mode", "cli"), ("ConnectTimeout", "0"))),
            p => p.StartsWith("Sources:0:ConnectTimeout: '0'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_ProxmoxApiWithoutConnection_BorrowsTheProxmoxSourceConnection()
    {
        var port = Chezlepro.Testing.FreePort.Next();
        var root = SourceConfig.Root(
            ("Sources:0:Type", "proxmox"), ("Sources:0:Name", "pve"), ("Sources:0:BaseUrl", $"https://127.0.0.1:{port}"),
            ("Sources:0:TokenId", "monitor@pve!agent"), ("Sources:0:TokenSecret", SourceConfig.Secret), ("Sources:0:Timeout", "00:00:02"),
            ("Sources:1:Type", "ceph"), ("Sources:1:Name", "ceph"), ("Sources:1:Mode", "proxmox-api"));
        using var services = SourceConfig.Services(root);

        var source = new CephSourceFactory().Create(SourceConfig.Entry(root, 1), services);
        var reading = await source.ReadAsync(CancellationToken.None);

        var ceph = Assert.Single(reading.Health);
        Assert.Equal(HealthStatus.Unknown, ceph.Status);
        Assert.Contains($"127.0.0.1:{port}", ceph.Summary, StringComparison.Ordinal);
        (source as IDisposable)?.Dispose();
    }

    [Fact]
    public void Create_NamedProxmoxSourceMissing_SameProblemAsValidate()
    {
        var root = SourceConfig.Root(("Sources:0:Type", "ceph"), ("Sources:0:Name", "ceph"), ("Sources:0:ProxmoxSource", "pve-b"));
        using var services = SourceConfig.Services(root);

        var error = Assert.Throws<InvalidOperationException>(() => new CephSourceFactory().Create(SourceConfig.Entry(root), services));

        const string Expected = "Sources:0:ProxmoxSource: 'pve-b' names no 'proxmox' source; give BaseUrl/TokenId/TokenSecret on this entry or name one"
            + " / ne nomme aucune source «\u00a0proxmox\u00a0»\u00a0; donnez BaseUrl/TokenId/TokenSecret sur cette entrée ou nommez-en une";
        Assert.Equal(Expected, error.Message);
        Assert.Equal([Expected], new CephSourceFactory().Validate(SourceConfig.Entry(root)));
    }

    [Fact]
    public async Task ReadAsync_CliModeWithoutCephInstalled_UnknownSayingWhy()
    {
        using var services = SourceConfig.Services();
        var source = new CephSourceFactory().Create(SourceConfig.Entry(("Type", "ceph"), ("Name", "ceph"), ("Mode", "cli"),
            ("Executable", "/nonexistent/ceph")), services);

        var ceph = Assert.Single((await source.ReadAsync(CancellationToken.None)).Health);

        Assert.Equal(HealthStatus.Unknown, ceph.Status);
        Assert.Contains("cannot start /nonexistent/ceph", ceph.Summary, StringComparison.Ordinal);
    }
}
