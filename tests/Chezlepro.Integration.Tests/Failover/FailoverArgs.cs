namespace Chezlepro.Integration.Tests.Failover;

/// <summary>Collector arguments for one failover group public-web (lanaudiere → st-bruno) with short test timings.</summary>
internal static class FailoverArgs
{
    public static string[] PublicWeb(string hold = "00:00:05", string failback = "manual", string staleAfter = "00:00:30", params string[] extra) =>
    [
        "--Catalog:FailoverGroups:0:Id=public-web", "--Catalog:FailoverGroups:0:Primary=lanaudiere", "--Catalog:FailoverGroups:0:Secondary=st-bruno",
        "--Catalog:FailoverGroups:0:Mode=automatic", $"--Catalog:FailoverGroups:0:Hold={hold}", $"--Catalog:FailoverGroups:0:Failback={failback}",
        "--Failover:Interval=00:00:00.500", $"--Failover:StaleAfter={staleAfter}", "--Failover:MaxObservationGap=00:00:05",
        .. extra,
    ];
}
