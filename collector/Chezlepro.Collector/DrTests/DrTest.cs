namespace Chezlepro.Collector.DrTests;

/// <summary>A disaster-recovery test as recorded (<c>GET /api/v1/dr-tests</c>).</summary>
/// <param name="Id">Store id (0 before it is stored).</param>
/// <param name="Date">The day the test ran (America/Toronto).</param>
/// <param name="Scenario">What was simulated.</param>
/// <param name="Services">Measured RTO/RPO per service against targets.</param>
/// <param name="Findings">What the test found.</param>
/// <param name="ReportUrl">Where the full report is, or null.</param>
/// <param name="Author">The API key's or token's name that recorded it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record DrTest(long Id, DateOnly Date, string Scenario, IReadOnlyList<DrTestService> Services, string Findings, string? ReportUrl,
    string Author, DateTimeOffset RecordedAt)
{
    /// <summary>Every service met both targets.</summary>
    public bool Passed => Services.All(s => s.RtoMet && s.RpoMet);
}
