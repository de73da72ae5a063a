using System.Text.Json;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage.Formats;

/// <summary>
/// Writes and reads the documents the stores keep, checking their version: a document from a newer collector is
/// refused with its version instead of being half-read.
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
        var evidence = JsonSerializer.Deserialize(json, StoredFormatJsonContext.Default.StoredFailoverEvidenceV1)
            ?? throw new InvalidDataException("Stored failover evidence is null.");
        return evidence.Version == StoredFailoverEvidenceV1.CurrentVersion
            ? evidence
            : throw new InvalidDataException($"Stored failover evidence has format version {evidence.Version}; this collector reads {StoredFailoverEvidenceV1.CurrentVersion}.");
    }

    /// <summary>The audit log's <c>decision</c> column: the contract payload as published.</summary>
    public static string WriteDecision(FailoverDecision decision) =>
        JsonSerializer.Serialize(decision, ContractJsonContext.Default.FailoverDecision);

    /// <summary>Reads a <c>decision</c> column.</summary>
    public static FailoverDecision ReadDecision(string json) =>
        JsonSerializer.Deserialize(json, ContractJsonContext.Default.FailoverDecision) ?? throw new InvalidDataException("Stored failover decision is null.");
}
