namespace Chezlepro.Collector.Apis;

/// <summary>Answer of <c>GET /api/v1/restore-tests?year=</c>.</summary>
/// <param name="Year">The Toronto year.</param>
/// <param name="Tests">Tests started that year, oldest first.</param>
/// <param name="Allowance">Per client, the requests included, used and left that year.</param>
public sealed record RestoreTestsDto(int Year, IReadOnlyList<RestoreTestDto> Tests, IReadOnlyList<RestoreAllowanceDto> Allowance);
