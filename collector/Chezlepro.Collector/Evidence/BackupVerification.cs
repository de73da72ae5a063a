using Chezlepro.Collector.Storage;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// A PBS verify result a node reported on <c>pbs.backup.&lt;guest&gt;</c> (details <c>verifySnapshot</c>, e.g.
/// <c>vm/101/2026-12-05T02:00:00Z</c>, <c>verifyState</c> <c>ok</c> | <c>failed</c>, optional <c>verifiedAt</c>).
/// </summary>
/// <param name="Site">Site of the reporting node.</param>
/// <param name="Node">Reporting node.</param>
/// <param name="Guest">Guest id (the check name without <c>pbs.backup.</c>).</param>
/// <param name="Snapshot">The verified snapshot.</param>
/// <param name="State"><c>ok</c> or <c>failed</c>.</param>
/// <param name="VerifiedAt">When PBS verified it, when reported.</param>
/// <param name="At">The record's time: <paramref name="VerifiedAt"/>, else the snapshot's time.</param>
public sealed record BackupVerification(string Site, string Node, string Guest, string Snapshot, string State, DateTimeOffset? VerifiedAt, DateTimeOffset At)
{
    /// <summary>Check name prefix of the results.</summary>
    public const string CheckPrefix = "pbs.backup.";

    /// <summary>The details that tell two verifications apart (the agent repeats the last one at every poll).</summary>
    public static readonly IReadOnlyList<string> Keys = ["verifySnapshot", "verifyState", "verifiedAt"];

    /// <summary>
    /// The verification of a result; null when there is none to record (state <c>none</c> or absent, no snapshot, no
    /// time to give it, unreadable JSON). A failed verification is returned: it is evidence too.
    /// </summary>
    public static BackupVerification? Read(StoredHealthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Check.StartsWith(CheckPrefix, StringComparison.Ordinal) || result.Check.Length == CheckPrefix.Length) return null;
        if (RestoreResultReader.Details(result.Payload) is not { } details) return null;
        var state = RestoreResultReader.Text(details, "verifyState");
        if (state is not ("ok" or "failed") || RestoreResultReader.Text(details, "verifySnapshot") is not { } snapshot) return null;
        var verifiedAt = RestoreResultReader.Time(details, "verifiedAt");
        // A PBS snapshot id is <type>/<id>/<backup time>: the time is its last part.
        var at = verifiedAt ?? RestoreResultReader.ParseTime(snapshot[(snapshot.LastIndexOf('/') + 1)..]);
        return at is null ? null : new BackupVerification(result.Site, result.Node, result.Check[CheckPrefix.Length..], snapshot, state, verifiedAt, at.Value);
    }
}
