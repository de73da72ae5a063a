namespace Chezlepro.Collector.RestoreTests;

/// <summary>Where a restore test comes from (the <c>origin</c> of the API and of the journal's <c>restore.test</c> records).</summary>
public static class RestoreTestOrigins
{
    /// <summary>Run by a node's <c>restore-test</c> source on its schedule.</summary>
    public const string Schedule = "schedule";

    /// <summary>Done at the client's request (the contract includes three a year), recorded by an operator.</summary>
    public const string Request = "request";
}
