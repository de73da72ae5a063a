using System.Globalization;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;
using Chezlepro.Health;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>
/// The result of one sample's restore, kept in the state file and re-reported at every poll until the next run. Its
/// details are a contract: the collector maps them to one <c>restore.test</c> journal record per <c>startedAt</c>.
/// </summary>
internal sealed class RestoreResult
{
    public const string Ok = "ok";
    public const string Mismatch = "mismatch";
    public const string Failed = "failed";
    public const string TimedOut = "timeout";

    public required string Name { get; init; }
    public required string Guest { get; init; }
    public string? Snapshot { get; init; }
    public required string Archive { get; init; }
    public long Bytes { get; init; }
    public double DurationSeconds { get; init; }
    public required string Outcome { get; init; }
    public string? Sha256 { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Why the outcome is not ok, in French and English (the summary); null when ok.</summary>
    public string? ReasonFr { get; init; }
    public string? ReasonEn { get; init; }

    public HealthReading ToReading()
    {
        var details = new JsonObject
        {
            ["guest"] = Guest,
            ["snapshot"] = Snapshot,
            ["archive"] = Archive,
            ["bytes"] = Bytes,
            ["durationSeconds"] = DurationSeconds,
            ["outcome"] = Outcome,
            ["sha256"] = Sha256,
            ["startedAt"] = StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
        var what = $"{Snapshot ?? Guest} {Archive}";
        var date = StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var text = Outcome == Ok
            ? HealthText.Of($"{what}\u00a0: restauration vérifiée, {Bytes}\u00a0octets en {DurationSeconds:0.#}\u00a0s (test du {date})",
                $"{what}: restore verified, {Bytes} bytes in {DurationSeconds:0.#} s (test of {date})")
            : HealthText.Of($"{what}\u00a0: {ReasonFr} (test du {date})", $"{what}: {ReasonEn} (test of {date})");
        return new HealthReading("restore." + Name, Outcome == Ok ? HealthStatus.Ok : HealthStatus.Critical, text.Fr, details) { SummaryEn = text.En };
    }
}
