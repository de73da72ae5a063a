using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.RestoreTests;

namespace Chezlepro.Collector.Evidence;

/// <summary>The journal entries of backup verifications and restore tests, their client from the catalog (guest → service → contract → client).</summary>
public static class EvidenceBackupFacts
{
    /// <summary><c>backup.verified</c>: subject the guest, at the verification (or the snapshot) time.</summary>
    public static EvidenceEntry BackupVerified(BackupVerification verification, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(catalog);
        var (service, _) = RestoreResultReader.Owner(catalog, verification.Guest);
        var data = new JsonObject
        {
            ["guest"] = verification.Guest, ["snapshot"] = verification.Snapshot, ["state"] = verification.State,
            ["site"] = verification.Site, ["node"] = verification.Node,
        };
        if (verification.VerifiedAt is { } v) data["verifiedAt"] = EvidenceCanonical.FormatAt(v);
        if (service is not null) data["service"] = service;
        return EvidenceFacts.ForService(EvidenceKinds.BackupVerified, verification.At, verification.Guest, service ?? "", catalog, data);
    }

    /// <summary>
    /// <c>restore.test</c> at its start: a scheduled one's subject is its check (<c>restore.&lt;name&gt;</c>) and its
    /// client the guest's; a request's subject is <c>request:&lt;client&gt;:&lt;guest&gt;</c> and its client the requester.
    /// </summary>
    public static EvidenceEntry RestoreTested(RestoreTest test, CatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(catalog);
        var data = new JsonObject
        {
            ["origin"] = test.Origin, ["guest"] = test.Guest, ["outcome"] = test.Outcome, ["durationSeconds"] = test.DurationSeconds,
        };
        void Add(string key, string? value)
        {
            if (value is not null) data[key] = value;
        }
        Add("service", test.Service);
        Add("name", test.Name);
        Add("snapshot", test.Snapshot);
        Add("archive", test.Archive);
        if (test.Bytes is { } bytes) data["bytes"] = bytes;
        Add("sha256", test.Sha256);
        Add("site", test.Site);
        Add("node", test.Node);
        Add("requestedAt", test.RequestedAt is { } r ? EvidenceCanonical.FormatAt(r) : null);
        Add("by", test.By);
        Add("notes", test.Notes);
        return test.Origin == RestoreTestOrigins.Request
            ? new EvidenceEntry(EvidenceKinds.RestoreTest, test.StartedAt, test.Client, $"request:{test.Client}:{test.Guest}", data)
            : EvidenceFacts.ForService(EvidenceKinds.RestoreTest, test.StartedAt, RestoreResultReader.CheckPrefix + test.Name, test.Service ?? "", catalog, data);
    }
}
