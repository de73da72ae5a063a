using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Proxmox;

public class ProxmoxSourceFactoryTests
{
    private static readonly (string, string)[] ContractExample =
    [
        ("Type", "proxmox"), ("Name", "pve"), ("BaseUrl", "https://pve1:8006"),
        ("TokenId", "monitor@pve!agent"), ("TokenSecret", SourceConfig.Secret), ("CertificateFingerprint", SourceConfig.Fingerprint),
    ];

    [Fact]
    public void Validate_ContractExample_NoProblem() =>
        Assert.Empty(new ProxmoxSourceFactory().Validate(SourceConfig.Entry(ContractExample)));

    [Fact]
    public void Validate_SeveralBaseUrls_Accepted()
    {
        var entry = SourceConfig.Entry([.. ContractExample, ("BaseUrls:0", "https://pve2:8006"), ("BaseUrls:1", "https://pve3:8006")]);

        Assert.Empty(new ProxmoxSourceFactory().Validate(entry));
    }

    [Fact]
    public void Validate_BadValues_EachProblemNamesKeyAndValue()
    {
        var entry = SourceConfig.Entry(("Type", "proxmox"), ("Name", "pve"), ("BaseUrl", "http://pve1:8006"), ("TokenId", "monitor!agent"),
            ("TokenSecret", SourceConfig.Secret), ("CertificateFingerprint", "AB:CD"), ("Timeout", "forever"), ("MemoryWarning", "90"));

        var problems = new ProxmoxSourceFactory().Validate(entry).ToList();

        Assert.Contains("Sources:0:BaseUrl: 'http://pve1:8006' must be an absolute https:// URL / doit être une URL absolue https://", problems);
        Assert.Contains(problems, p => p.StartsWith("Sources:0:TokenId: 'monitor!agent' must read <user>@<realm>!<tokenid>", StringComparison.Ordinal)
            && p.EndsWith(" / doit avoir la forme <utilisateur>@<domaine>!<jeton>, par exemple monitor@pve!agent", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:0:CertificateFingerprint: 'AB:CD'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:0:Timeout: 'forever'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:0:MemoryWarning: '90' must be a fraction", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain(SourceConfig.Secret, p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TimeoutNotShorterThanInterval_Named()
    {
        var problems = new ProxmoxSourceFactory().Validate(SourceConfig.Entry([.. ContractExample, ("Timeout", "00:00:30")]));

        Assert.Contains("Sources:0:Timeout: 00:00:30 must be shorter than Sources:0:Interval (00:00:30) / doit être plus court que l’intervalle", problems);
    }

    [Fact]
    public void Validate_MissingConnection_RequiredKeysNamed()
    {
        var problems = new ProxmoxSourceFactory().Validate(SourceConfig.Entry(("Type", "proxmox"), ("Name", "pve"))).ToList();

        Assert.Contains(problems, p => p.StartsWith("Sources:0:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains("Sources:0:TokenId is required and empty / est requis et vide", problems);
        Assert.Contains("Sources:0:TokenSecret is required / est requis", problems);
    }

    [Fact]
    public async Task ReadAsync_NoNodeListening_UnknownChecksNotAnException()
    {
        var port = Chezlepro.Testing.FreePort.Next();
        var entry = SourceConfig.Entry(("Type", "proxmox"), ("Name", "pve"), ("BaseUrl", $"https://127.0.0.1:{port}"),
            ("TokenId", "monitor@pve!agent"), ("TokenSecret", SourceConfig.Secret), ("Timeout", "00:00:02"));
        using var services = SourceConfig.Services();

        var source = new ProxmoxSourceFactory().Create(entry, services);
        var reading = await source.ReadAsync(CancellationToken.None);

        Assert.Equal("pve", source.Name);
        var quorum = Assert.Single(reading.Health, h => h.Check == "proxmox.quorum");
        Assert.Equal(HealthStatus.Unknown, quorum.Status);
        Assert.Contains("cannot connect", quorum.Summary, StringComparison.Ordinal);
        Assert.Contains(reading.Health, h => h.Check == "proxmox.ha" && h.Status == HealthStatus.Unknown);
        (source as IDisposable)?.Dispose();
    }
}
