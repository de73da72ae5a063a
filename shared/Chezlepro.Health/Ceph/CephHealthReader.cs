using System.Text.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Http;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Health.Ceph;

/// <summary>
/// Reads Ceph status once, through the PVE API (<c>/cluster/ceph/status</c>) or the <c>ceph</c> CLI, and maps it
/// to the <c>ceph</c> check. Never throws for a failed read: it reports unknown with the reason.
/// </summary>
public sealed class CephHealthReader
{
    private readonly Func<CancellationToken, Task<JsonElement>> _fetch;
    private readonly ILogger _logger;

    private CephHealthReader(Func<CancellationToken, Task<JsonElement>> fetch, ILogger logger)
    {
        _fetch = fetch;
        _logger = logger;
    }

    /// <summary>Reads through a PVE API client (the token needs Sys.Audit or Datastore.Audit on /).</summary>
    /// <param name="pve">PVE client.</param>
    /// <param name="logger">Logger.</param>
    public static CephHealthReader ViaProxmox(ApiHttpClient pve, ILogger logger) =>
        new(ct => pve.GetDataAsync("cluster/ceph/status", ct), logger);

    /// <summary>Reads with <c>ceph status --format json --connect-timeout N</c>.</summary>
    /// <param name="options">CLI options.</param>
    /// <param name="runner">Process runner.</param>
    /// <param name="logger">Logger.</param>
    public static CephHealthReader ViaCli(CephCliOptions options, IProcessRunner runner, ILogger logger) =>
        new(ct => RunCliAsync(options, runner, logger, ct), logger);

    /// <summary>Reads once.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<HealthReport> ReadAsync(CancellationToken cancellationToken)
    {
        JsonElement data;
        try
        {
            data = await _fetch(cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            // PVE answers 500 "binary not installed" / "not initialized" where there is no Ceph: that is
            // "no Ceph here", not "Ceph down" (reference §1.3).
            var reason = ex.StatusCode == 500 && (ex.Message.Contains("not installed", StringComparison.OrdinalIgnoreCase)
                || ex.Message.Contains("not initialized", StringComparison.OrdinalIgnoreCase))
                ? "Ceph is not installed or not initialised on the node that answered: " + ex.Message
                : ex.Message;
            HealthLog.ReadFailed(_logger, CephHealthMapper.Check, reason);
            return UnknownReport(reason);
        }
        try
        {
            return CephHealthMapper.Map(CephStatusDecoder.Decode(data));
        }
        catch (FormatException ex)
        {
            return UnknownReport(ex.Message);
        }
    }

    private static HealthReport UnknownReport(string reason)
    {
        var report = new HealthReport();
        report.Checks.Add(HealthText.Of($"Ceph illisible{HealthText.NoBreakSpace}: {reason}", $"{reason}").Result(CephHealthMapper.Check, HealthStatus.Unknown));
        return report;
    }

    private static async Task<JsonElement> RunCliAsync(CephCliOptions options, IProcessRunner runner, ILogger logger, CancellationToken ct)
    {
        // The CLI's own connect timeout bounds the wait for monitors; the hard limit catches a stuck process.
        var limit = options.ConnectTimeout + TimeSpan.FromSeconds(15);
        var result = await runner.RunAsync(options.Executable, options.Arguments(), limit, ct).ConfigureAwait(false);
        if (result.TimedOut)
            throw new ApiException(ApiFailureKind.Timeout, $"ceph status did not finish within {limit.TotalSeconds:0} s");
        if (result.ExitCode != 0)
        {
            var error = ApiErrors.Clean(result.StandardError.Split('\n').FirstOrDefault(l => l.Trim().Length > 0));
            HealthLog.CephCommandFailed(logger, result.ExitCode, error);
            throw new ApiException(result.ExitCode == -1 ? ApiFailureKind.ConnectionFailed : ApiFailureKind.ServerError,
                $"ceph status failed (exit {result.ExitCode}): {error}");
        }
        try
        {
            using var document = JsonDocument.Parse(result.StandardOutput);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ApiException(ApiFailureKind.InvalidReply, "ceph status printed something other than JSON (truncated?)");
        }
    }
}
