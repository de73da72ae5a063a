using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health.Ceph;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Patches;

/// <summary>
/// Pending and security updates (<c>apt-get -s dist-upgrade</c>, which needs no root) and the age of the last upgrade
/// (apt's history log): telemetry <c>patch.pending</c>, <c>patch.security</c>, <c>patch.age</c> and the health check
/// <c>patch</c>.
/// </summary>
internal sealed class PatchesSource(string name, PatchesSettings settings, IProcessRunner runner, TimeProvider time, ILogger logger) : ISource
{
    /// <summary>The health check's name (contract.md).</summary>
    public const string Check = "patch";

    public string Name => name;

    public async ValueTask<SourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        var lastPatch = await ReadLastPatchAsync(cancellationToken).ConfigureAwait(false);
        var result = await runner.RunAsync(settings.Command, settings.Arguments, settings.Timeout, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var reading = new SourceReading();
        var age = lastPatch is { } at ? Math.Max(0, Math.Round((now - at).TotalSeconds)) : (double?)null;
        if (age is { } seconds) reading.Samples.Add(new Sample("patch.age", seconds, "s"));
        var details = new JsonObject { ["lastPatchAt"] = lastPatch?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
        var (simulation, failure) = Interpret(result);
        if (simulation is null)
        {
            PatchesLog.SimulationFailed(logger, name, failure!.Value.En, FirstLine(result.StandardError));
            reading.Health.Add(new HealthReading(Check, HealthStatus.Unknown, PatchesText.Failed(failure.Value.Fr), details) { SummaryEn = PatchesText.FailedEn(failure.Value.En) });
            return reading;
        }
        reading.Samples.Add(new Sample("patch.pending", simulation.Pending));
        reading.Samples.Add(new Sample("patch.security", simulation.Security));
        details["pending"] = simulation.Pending;
        details["security"] = simulation.Security;
        details["packages"] = new JsonArray([.. simulation.SecurityPackages.Select(p => (JsonNode)JsonValue.Create(p))]);
        var days = age is { } s ? (int)(s / 86_400) : (int?)null;
        // A security fix waits for the next patch window: late only once the last upgrade is older than the grace.
        var late = simulation.Security > 0 && (days is null || age > settings.SecurityGraceDays * 86_400.0);
        var status = late ? HealthStatus.Warning : HealthStatus.Ok;
        reading.Health.Add(new HealthReading(Check, status, PatchesText.State(simulation, days, late, settings.SecurityGraceDays), details)
        {
            SummaryEn = PatchesText.StateEn(simulation, days, late, settings.SecurityGraceDays),
        });
        return reading;
    }

    private static (AptSimulation? Simulation, (string Fr, string En)? Failure) Interpret(ProcessResult result)
    {
        if (result.TimedOut) return (null, ("délai dépassé", "timed out"));
        if (result.ExitCode != 0)
            return (null, ($"code de sortie {result.ExitCode}", $"exit code {result.ExitCode}"));
        try
        {
            return (AptSimulationParser.Parse(result.StandardOutput), null);
        }
        catch (FormatException)
        {
            return (null, ("sortie illisible ou tronquée", "unreadable or truncated output"));
        }
    }

    private async Task<DateTimeOffset?> ReadLastPatchAsync(CancellationToken cancellationToken)
    {
        var zone = time.LocalTimeZone;
        if (await ReadTextAsync(settings.HistoryPath, compressed: false, cancellationToken).ConfigureAwait(false) is { } current
            && AptHistoryParser.LastPatch(current, zone) is { } last)
            return last;
        // logrotate compresses at once (no delaycompress in Debian's apt rule): the previous month is history.log.1.gz.
        var rotated = settings.HistoryPath + ".1.gz";
        return await ReadTextAsync(rotated, compressed: true, cancellationToken).ConfigureAwait(false) is { } old ? AptHistoryParser.LastPatch(old, zone) : null;
    }

    private async Task<string?> ReadTextAsync(string path, bool compressed, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return null;
        try
        {
            await using var file = File.OpenRead(path);
            await using var stream = compressed ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            PatchesLog.HistoryUnreadable(logger, name, path, ex.Message);
            return null;
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny('\r', '\n');
        var first = (end < 0 ? line : line[..end]).ToString();
        return first.Length <= 200 ? first : first[..200];
    }
}
