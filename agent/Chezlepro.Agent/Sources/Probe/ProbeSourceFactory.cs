using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Health.Probes;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Probe;

/// <summary>Creates <c>probe</c> sources: <c>Kind</c> http, https, tcp, smtp or imap (README.md in this folder).</summary>
public sealed class ProbeSourceFactory : SourceFactory<ProbeOptions>
{
    /// <inheritdoc />
    public override string Type => "probe";

    internal override ISource Build(SourceDefinition definition, ProbeOptions settings, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Chezlepro.Agent.Sources.Probe");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return new ProbeSource(definition.Name, new ServiceProbe(definition.Name, settings, time, logger), new HealthReadingConverter(logger));
    }

    internal override ProbeOptions Parse(SourceKeys keys)
    {
        var kindText = keys.String("Kind");
        ProbeKind kind = ProbeKind.Http;
        if (kindText is null)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Kind")} is required: http, https, tcp, smtp or imap", "est requis\u00a0: http, https, tcp, smtp ou imap"));
        else if (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Kind")}: '{kindText}' must be http, https, tcp, smtp or imap", "doit être http, https, tcp, smtp ou imap"));
        Uri? url = null;
        string? host = null;
        var port = 0;
        var defaultTls = false;
        if (kind is ProbeKind.Http or ProbeKind.Https)
        {
            var raw = keys.String("Url");
            if (raw is null)
                keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Url")} is required for Kind '{kindText}'", $"est requis pour le type «\u00a0{kindText}\u00a0»"));
            else
                url = keys.Url("Url", raw, kind == ProbeKind.Https ? "https" : "http");
        }
        else
        {
            host = keys.String("Host");
            if (host is null)
                keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Host")} is required for Kind '{kindText}'", $"est requis pour le type «\u00a0{kindText}\u00a0»"));
            var defaultPort = kind switch { ProbeKind.Smtp => 25, ProbeKind.Imap => 143, _ => 0 };
            port = keys.Integer("Port", defaultPort, 0, 65535);
            if (port == 0)
                keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Port")} is required for Kind '{kindText}' (1-65535)", $"est requis pour le type «\u00a0{kindText}\u00a0» (1 à 65535)"));
            defaultTls = port is 465 or 993;
        }
        var timeout = keys.Time("Timeout", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2));
        if (keys.Definition.Interval > TimeSpan.Zero && timeout >= keys.Definition.Interval)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Timeout")}: {timeout} must be shorter than {keys.Definition.Key("Interval")} ({keys.Definition.Interval})", "doit être plus court que l’intervalle"));
        var expect = keys.String("ExpectStatus") is null ? (int?)null : keys.Integer("ExpectStatus", 200, 100, 599);
        return new ProbeOptions
        {
            Kind = kind,
            Url = url,
            Host = host,
            Port = port,
            Tls = keys.Flag("Tls", defaultTls),
            ExpectStatus = expect,
            Keyword = keys.String("Keyword"),
            Timeout = timeout,
            FailuresBeforeCritical = keys.Integer("FailuresBeforeCritical", 3, 1, 100),
            CertificateWarningDays = keys.Integer("CertificateWarningDays", 14, 0, 365),
            CaFile = keys.String("CaFile"),
        };
    }
}
