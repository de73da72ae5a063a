using System.Globalization;

namespace Chezlepro.Collector.RestoreTests;

/// <summary>
/// One restore test: a scheduled one a node ran (<c>restore.&lt;name&gt;</c> health result) or one done at a client's
/// request and recorded by an operator.
/// </summary>
/// <param name="Origin"><see cref="RestoreTestOrigins.Schedule"/> or <see cref="RestoreTestOrigins.Request"/>.</param>
/// <param name="Client">The client (a request's, or the only client of the guest's service); null for a service shared by several or unknown.</param>
/// <param name="Guest">The guest restored from (<c>Catalog:Guests[].Id</c> when known, e.g. <c>vm-101</c>).</param>
/// <param name="Service">The guest's service in the catalog, null when the guest is not in it.</param>
/// <param name="Name">The node's restore-test name (without <c>restore.</c>); null for a request.</param>
/// <param name="Snapshot">The PBS snapshot restored from, when known.</param>
/// <param name="Archive">The archive restored, when known.</param>
/// <param name="Bytes">Bytes restored, when known.</param>
/// <param name="DurationSeconds">How long the restore took.</param>
/// <param name="Outcome">One of <see cref="RestoreOutcomes"/>.</param>
/// <param name="StartedAt">When the restore started.</param>
/// <param name="RequestedAt">When the client asked for it (requests only).</param>
/// <param name="By">Who recorded a request (the key's or token's name); null for a scheduled test.</param>
/// <param name="Notes">Free text of a request.</param>
public sealed record RestoreTest(string Origin, string? Client, string Guest, string? Service, string? Name, string? Snapshot, string? Archive, long? Bytes,
    double DurationSeconds, string Outcome, DateTimeOffset StartedAt, DateTimeOffset? RequestedAt, string? By, string? Notes)
{
    /// <summary>SHA-256 the node computed over what it restored, when it reported one.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Site of the node that ran a scheduled test.</summary>
    public string? Site { get; init; }

    /// <summary>Node that ran a scheduled test.</summary>
    public string? Node { get; init; }

    /// <summary>
    /// What makes two reports the same test: a node's test name and start (the agent re-reports its last result
    /// between runs), or a request's client, guest and start (the same request posted twice counts once).
    /// </summary>
    public string Key => Origin == RestoreTestOrigins.Schedule
        ? string.Create(CultureInfo.InvariantCulture, $"schedule|{Site}/{Node}/{Name}|{StartedAt.ToUnixTimeMilliseconds()}")
        : string.Create(CultureInfo.InvariantCulture, $"request|{Client}|{Guest}|{StartedAt.ToUnixTimeMilliseconds()}");
}
