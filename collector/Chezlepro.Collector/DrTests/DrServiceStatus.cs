namespace Chezlepro.Collector.DrTests;

/// <summary>Per service: its last DR test and when the next one is due (one a year, contract.md).</summary>
/// <param name="Service">Service id.</param>
/// <param name="LastTestDate">The last test that covered it, or null.</param>
/// <param name="LastTestPassed">Whether the service met both targets in that test, or null.</param>
/// <param name="NextDueBy">One year after the last test, or null when never tested (due now).</param>
/// <param name="Due">No test in the year before today: one is owed now.</param>
public sealed record DrServiceStatus(string Service, DateOnly? LastTestDate, bool? LastTestPassed, DateOnly? NextDueBy, bool Due);
