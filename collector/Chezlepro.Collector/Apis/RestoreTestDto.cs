namespace Chezlepro.Collector.Apis;

/// <summary>One test of <c>GET /api/v1/restore-tests</c> (the names the client page reads).</summary>
/// <param name="Origin"><c>schedule</c> or <c>request</c>.</param>
/// <param name="Client">The client, null for a test of a service shared by several clients.</param>
/// <param name="Guest">The guest.</param>
/// <param name="Service">The guest's service.</param>
/// <param name="Name">The node's restore-test name (scheduled tests).</param>
/// <param name="Snapshot">The snapshot restored from.</param>
/// <param name="Archive">The archive restored.</param>
/// <param name="Bytes">Bytes restored.</param>
/// <param name="DurationSeconds">Duration.</param>
/// <param name="Outcome"><c>ok</c>, <c>mismatch</c>, <c>failed</c> or <c>timeout</c>.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="RequestedAt">When the client asked (requests).</param>
/// <param name="By">Who recorded it (requests).</param>
public sealed record RestoreTestDto(string Origin, string? Client, string Guest, string? Service, string? Name, string? Snapshot, string? Archive, long? Bytes,
    double DurationSeconds, string Outcome, DateTimeOffset StartedAt, DateTimeOffset? RequestedAt, string? By)
{
    /// <summary>The API's view of a stored test.</summary>
    public static RestoreTestDto Of(RestoreTests.RestoreTest t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Origin, t.Client, t.Guest, t.Service, t.Name, t.Snapshot, t.Archive, t.Bytes, t.DurationSeconds, t.Outcome, t.StartedAt, t.RequestedAt, t.By);
    }
}
