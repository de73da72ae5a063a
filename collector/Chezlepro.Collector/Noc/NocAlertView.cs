using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Noc;

/// <summary>One alert in <c>GET /api/v1/alerts</c>: what was last published for its id.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="State"><c>raised</c> or <c>cleared</c>.</param>
/// <param name="Priority">P1, P2 or P3.</param>
/// <param name="Site">Site concerned.</param>
/// <param name="Node">Node concerned.</param>
/// <param name="Summary">French text.</param>
/// <param name="SummaryEn">English text.</param>
/// <param name="Ts">When it was published.</param>
/// <param name="Flapping">Held raised by the flap rule.</param>
/// <param name="SourceState">What the source says now (differs from <paramref name="State"/> while held).</param>
public sealed record NocAlertView(string Id, string State, Priority Priority, string? Site, string? Node, string Summary, string SummaryEn,
    DateTimeOffset Ts, bool Flapping, string SourceState);
