using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Health.Probes;

/// <summary>
/// Probes one service once per call and reports <c>probe.&lt;name&gt;</c>. A failure is a warning until
/// <see cref="ProbeOptions.FailuresBeforeCritical"/> consecutive failures, then critical (Gatus's failure
/// threshold, anchors.md); latency goes out as telemetry.
/// </summary>
public sealed partial class ServiceProbe : IDisposable
{
    private readonly string _name;
    private readonly ProbeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TlsInspector _tls;
    private readonly HttpClient? _http;
    private int _consecutiveFailures;

    /// <summary>Creates the probe; no I/O.</summary>
    /// <param name="name">Probe name; the check is <c>probe.&lt;name&gt;</c>.</param>
    /// <param name="options">Options (validated by the caller).</param>
    /// <param name="time">Clock (latency, certificate dates, timeouts).</param>
    /// <param name="logger">Logger.</param>
    public ServiceProbe(string name, ProbeOptions options, TimeProvider time, ILogger logger)
    {
        _name = name;
        _options = options;
        _time = time;
        _logger = logger;
        _tls = new TlsInspector(time, string.IsNullOrWhiteSpace(options.CaFile) ? null : options.CaFile);
        if (options.Kind is ProbeKind.Http or ProbeKind.Https)
            _http = CreateHttpClient();
    }

    /// <summary>Check name.</summary>
    public string Check => "probe." + _name;

    /// <summary>Consecutive failures so far.</summary>
    public int ConsecutiveFailures => _consecutiveFailures;

    /// <summary>Probes once.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<HealthReport> ProbeAsync(CancellationToken cancellationToken)
    {
        _tls.Reset();
        var outcome = _options.Kind switch
        {
            ProbeKind.Http or ProbeKind.Https => await ProbeHttpAsync(cancellationToken).ConfigureAwait(false),
            ProbeKind.Tcp => await ProbeTcpAsync(cancellationToken).ConfigureAwait(false),
            _ => await ProbeBannerAsync(cancellationToken).ConfigureAwait(false),
        };
        return Report(outcome);
    }

    /// <inheritdoc />
    public void Dispose() => _http?.Dispose();

    private HealthReport Report(ProbeOutcome outcome)
    {
        var report = new HealthReport();
        var details = new JsonObject { ["kind"] = _options.Kind.ToString().ToLowerInvariant(), ["target"] = Target };
        report.Samples.Add(new Sample($"probe.{_name}.up", outcome.Success ? 1 : 0));
        if (outcome.LatencyMs is { } latency)
        {
            details["latencyMs"] = Math.Round(latency, 1);
            report.Samples.Add(new Sample($"probe.{_name}.latency", Math.Round(latency, 1), "ms"));
        }
        double? daysLeft = outcome.CertificateNotAfter is { } notAfter ? Math.Floor((notAfter - _time.GetUtcNow()).TotalDays) : null;
        if (daysLeft is { } days)
        {
            details["certificateDaysLeft"] = days;
            details["certificateNotAfter"] = outcome.CertificateNotAfter!.Value.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
            report.Samples.Add(new Sample($"probe.{_name}.certificate.daysLeft", days, "d"));
        }
        if (outcome.Success)
        {
            _consecutiveFailures = 0;
            details["consecutiveFailures"] = 0;
            var status = daysLeft < _options.CertificateWarningDays ? HealthStatus.Warning : HealthStatus.Ok;
            var certificate = daysLeft is { } d ? HealthText.Of($", certificat valide encore {d}{HealthText.NoBreakSpace}jours", $", certificate {d} days left") : HealthText.Same("");
            report.Checks.Add(outcome.Message.Append(certificate).Result(Check, status, details));
            return report;
        }
        _consecutiveFailures++;
        details["consecutiveFailures"] = _consecutiveFailures;
        HealthLog.ProbeFailed(_logger, _name, _consecutiveFailures, outcome.Message.En);
        var critical = _consecutiveFailures >= _options.FailuresBeforeCritical;
        var count = critical
            ? HealthText.Of($" ({_consecutiveFailures} échecs de suite)", $" ({_consecutiveFailures} failures in a row)")
            : HealthText.Of($" (échec {_consecutiveFailures} sur {_options.FailuresBeforeCritical} avant critique)",
                $" (failure {_consecutiveFailures} of {_options.FailuresBeforeCritical} before critical)");
        report.Checks.Add(outcome.Message.Append(count).Result(Check, critical ? HealthStatus.Critical : HealthStatus.Warning, details));
        return report;
    }

    private string Target => _options.Url?.GetLeftPart(UriPartial.Path) ?? $"{_options.Host}:{_options.Port}";

    private HealthText TimeoutMessage => HealthText.Of($"aucune réponse en {_options.Timeout.TotalSeconds:0.#}{HealthText.NoBreakSpace}s (délai dépassé)",
        $"no answer within {_options.Timeout.TotalSeconds:0.#} s (timeout)");

    private HealthText CannotConnect(System.Net.Sockets.SocketError error) =>
        HealthText.Of($"connexion impossible à {Target} ({error})", $"cannot connect to {Target} ({error})");
}
