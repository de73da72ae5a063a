using System.Net;
using System.Net.Sockets;
using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Probe;
using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Agent.Tests.Sources.Proxmox;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Probes;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Probe;

public class ProbeSourceFactoryTests
{
    [Fact]
    public void Validate_ContractExample_NoProblem() =>
        Assert.Empty(new ProbeSourceFactory().Validate(SourceConfig.Entry(("Type", "probe"), ("Name", "mail"), ("Kind", "https"),
            ("Url", "https://mail.example.org/"), ("ExpectStatus", "200"))));

    [Theory]
    [InlineData("Kind", "ping", "Sources:0:Kind: 'ping' must be http, https, tcp, smtp or imap / doit être http, https, tcp, smtp ou imap")]
    [InlineData("Kind", "4", "Sources:0:Kind: '4' must be http, https, tcp, smtp or imap / doit être http, https, tcp, smtp ou imap")]
    public void Validate_BadKind_Named(string key, string value, string expected) =>
        Assert.Contains(expected, new ProbeSourceFactory().Validate(SourceConfig.Entry(("Type", "probe"), (key, value))));

    [Fact]
    public void Validate_HttpsKindWithHttpUrlAndBadNumbers_Named()
    {
        var problems = new ProbeSourceFactory().Validate(SourceConfig.Entry(("Kind", "https"), ("Url", "http://x/"),
            ("ExpectStatus", "2000"), ("FailuresBeforeCritical", "0"))).ToList();

        Assert.Contains("Sources:0:Url: 'http://x/' must be an absolute https:// URL / doit être une URL absolue https://", problems);
        Assert.Contains("Sources:0:ExpectStatus: '2000' must be a whole number between 100 and 599 / doit être un nombre entier entre 100 et 599", problems);
        Assert.Contains("Sources:0:FailuresBeforeCritical: '0' must be a whole number between 1 and 100 / doit être un nombre entier entre 1 et 100", problems);
    }

    [Fact]
    public void Parse_SmtpAndImaps_DefaultPortsAndImplicitTls()
    {
        var smtp = new ProbeSourceFactory().Parse(new SourceKeys(SourceConfig.Entry(("Kind", "smtp"), ("Host", "mx")), []));
        var imaps = new ProbeSourceFactory().Parse(new SourceKeys(SourceConfig.Entry(("Kind", "imap"), ("Host", "mx"), ("Port", "993")), []));

        Assert.Equal((ProbeKind.Smtp, 25, false), (smtp.Kind, smtp.Port, smtp.Tls));
        Assert.Equal((ProbeKind.Imap, 993, true), (imaps.Kind, imaps.Port, imaps.Tls));
    }

    [Fact]
    public void Validate_NoKind_RequiredInBothLanguagesWithFrenchTypography() =>
        Assert.Contains("Sources:0:Kind is required: http, https, tcp, smtp or imap / est requis\u00a0: http, https, tcp, smtp ou imap",
            new ProbeSourceFactory().Validate(SourceConfig.Entry(("Type", "probe"))));

    [Fact]
    public void Validate_TcpWithoutHostOrPort_Named()
    {
        var problems = new ProbeSourceFactory().Validate(SourceConfig.Entry(("Kind", "tcp"))).ToList();

        Assert.Contains("Sources:0:Host is required for Kind 'tcp' / est requis pour le type «\u00a0tcp\u00a0»", problems);
        Assert.Contains("Sources:0:Port is required for Kind 'tcp' (1-65535) / est requis pour le type «\u00a0tcp\u00a0» (1 à 65535)", problems);
    }

    [Fact]
    public async Task ReadAsync_TcpProbe_OkWhileListeningThenWarningAfterStop()
    {
        var port = Chezlepro.Testing.FreePort.Next();
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        using var services = SourceConfig.Services();
        var source = new ProbeSourceFactory().Create(SourceConfig.Entry(("Type", "probe"), ("Name", "db"), ("Kind", "tcp"),
            ("Host", "127.0.0.1"), ("Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Timeout", "00:00:02")), services);

        var up = await source.ReadAsync(CancellationToken.None);
        listener.Stop();
        var down = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Ok, Assert.Single(up.Health).Status);
        Assert.Equal("probe.db", up.Health[0].Check);
        Assert.Contains(up.Samples, s => s.Metric == "probe.db.latency" && s.Unit == "ms");
        Assert.Equal(HealthStatus.Warning, Assert.Single(down.Health).Status);
        (source as IDisposable)?.Dispose();
    }
}
