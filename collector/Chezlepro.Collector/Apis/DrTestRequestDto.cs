namespace Chezlepro.Collector.Apis;

/// <summary>Body of <c>POST /api/v1/dr-tests</c>.</summary>
/// <param name="Date">yyyy-MM-dd, the day the test ran (not in the future).</param>
/// <param name="Scenario">What was simulated (required, at most 500 characters).</param>
/// <param name="Services">The measured services (at least one, each once, each of the catalog).</param>
/// <param name="Findings">What the test found (required, may be empty; at most 10,000 characters).</param>
/// <param name="ReportUrl">Absolute http(s) address of the full report, optional.</param>
public sealed record DrTestRequestDto(string? Date, string? Scenario, IReadOnlyList<DrServiceRequestDto?>? Services, string? Findings, string? ReportUrl);

/// <summary>One service of <see cref="DrTestRequestDto"/>.</summary>
/// <param name="Service">Service id of the catalog.</param>
/// <param name="RtoMinutes">Measured recovery time, minutes (0 or more).</param>
/// <param name="RpoMinutes">Measured data loss window, minutes (0 or more).</param>
public sealed record DrServiceRequestDto(string? Service, int? RtoMinutes, int? RpoMinutes);

/// <summary>Answer of <c>GET /api/v1/dr-tests</c>.</summary>
/// <param name="Tests">The tests, newest first.</param>
/// <param name="Services">Per service: its last test and whether the yearly one is due.</param>
public sealed record DrTestsDto(IReadOnlyList<Chezlepro.Collector.DrTests.DrTest> Tests, IReadOnlyList<Chezlepro.Collector.DrTests.DrServiceStatus> Services);
