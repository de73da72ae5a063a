using System.Text.Json;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Formats;

/// <summary>
/// Writes and reads the documents the stores keep, checking their version first: a document from a newer collector
/// is refused with its version instead of being half-read as an older one.
/// </summary>
public static class StoredFormat
{
    /// <summary>The audit log's <c>evidence</c> column.</summary>
    public static string WriteEvidence(StoredFailoverEvidenceV1 evidence) =>
        JsonSerializer.Serialize(evidence, StoredFormatJsonContext.Default.StoredFailoverEvidenceV1);

    /// <summary>Reads an <c>evidence</c> column, with or without its version field (rows from before it read as 1).</summary>
    /// <exception cref="InvalidDataException">The document is of a version this collector does not know.</exception>
    public static StoredFailoverEvidenceV1 ReadEvidence(string json)
    {
        Expect(json, StoredFailoverEvidenceV1.CurrentVersion, "failover evidence");
        return JsonSerializer.Deserialize(json, StoredFormatJsonContext.Default.StoredFailoverEvidenceV1)
            ?? throw new InvalidDataException("Stored failover evidence is null.");
    }

    /// <summary>A closed month's report for <c>closed_months.report</c>.</summary>
    public static string WriteReport(StoredSlaReportV1 report) =>
        JsonSerializer.Serialize(report, StoredFormatJsonContext.Default.StoredSlaReportV1);

    /// <summary>Reads a closed month's report, with or without its version field (reports frozen before it read as 1).</summary>
    /// <exception cref="InvalidDataException">The document is of a version this collector does not know.</exception>
    public static StoredSlaReportV1 ReadReport(string json)
    {
        Expect(json, StoredSlaReportV1.CurrentVersion, "report");
        return JsonSerializer.Deserialize(json, StoredFormatJsonContext.Default.StoredSlaReportV1)
            ?? throw new InvalidDataException("Stored report is null.");
    }

    /// <summary>The audit log's <c>decision</c> column: the contract payload as published.</summary>
    public static string WriteDecision(FailoverDecision decision) =>
        JsonSerializer.Serialize(decision, ContractJsonContext.Default.FailoverDecision);

    /// <summary>Reads a <c>decision</c> column.</summary>
    public static FailoverDecision ReadDecision(string json) =>
        JsonSerializer.Deserialize(json, ContractJsonContext.Default.FailoverDecision) ?? throw new InvalidDataException("Stored failover decision is null.");

    /// <summary>Refuses a document whose <c>version</c> is not <paramref name="known"/>; no version field means 1.</summary>
    private static void Expect(string json, int known, string what)
    {
        using var doc = JsonDocument.Parse(json);
        var version = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : 1;
        if (version != known) throw new InvalidDataException($"Stored {what} has format version {version}; this collector reads {known}.");
    }
}
