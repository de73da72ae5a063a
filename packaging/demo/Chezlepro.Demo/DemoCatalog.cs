using System.Text.Json.Nodes;

namespace Chezlepro.Demo;

/// <summary>
/// The demo's catalog (contract.md, Collector <c>Catalog</c>): services mapped to the checks the demo agents really
/// produce, three contracts that differ in objective, unknown-time policy and credit rule, a protected guest and a
/// failover group for the public web site.
/// </summary>
internal static class DemoCatalog
{
    /// <summary>The contracts, in the order their URLs are printed.</summary>
    public static readonly IReadOnlyList<string> Contracts = ["obnl-a", "pme-b", "coop-c"];

    public static JsonObject Build()
    {
        var staleness = DemoHistory.StalenessLimit.ToString("c");
        return new JsonObject
        {
            ["Services"] = new JsonArray(
                Service("web", "Site web public", "critical", staleness, ("lanaudiere", "probe.web")),
                Service("cluster", "Grappe Proxmox et Ceph (Lanaudière)", "important", staleness, ("lanaudiere", "proxmox.quorum"), ("lanaudiere", "ceph")),
                Service("portal", "Portail client (St-Bruno)", "important", staleness, ("st-bruno", "proxmox.quorum"), ("st-bruno", "probe.portal"))),
            ["Contracts"] = new JsonArray(
                // Unknown time counts as down (the default, the client's side of a silence): the WAN cut costs a credit.
                Contract("obnl-a", "OBNL A", ["web"], 150.00m, 99.5m, unknownCountsAsDown: true),
                // Unknown time left out of the measure, finer tranches and a higher cap.
                Contract("pme-b", "PME B", ["web", "cluster"], 400.00m, 99.5m, unknownCountsAsDown: false, perTranche: 10m, trancheSize: 0.25m, cap: 30m),
                // A strict objective where only silence cost anything: the credit comes from unknown time alone.
                Contract("coop-c", "Coop C", ["portal"], 90.00m, 99.9m, unknownCountsAsDown: true, perTranche: 2.5m, trancheSize: 0.1m, cap: 15m)),
            ["Guests"] = new JsonArray(new JsonObject { ["Id"] = "vm-101", ["Service"] = "web", ["Rpo"] = "1.00:00:00" }),
            ["FailoverGroups"] = new JsonArray(new JsonObject
            {
                ["Id"] = "public-web", ["Primary"] = "lanaudiere", ["Secondary"] = "st-bruno",
                ["Checks"] = new JsonArray(Check("lanaudiere", "probe.web")),
                ["Mode"] = "automatic", ["Hold"] = "00:01:00", ["LeadTime"] = "00:30:00", ["Failback"] = "manual", ["FailbackHold"] = "00:30:00",
            }),
        };
    }

    private static JsonObject Service(string id, string name, string category, string staleness, params (string Site, string Check)[] checks) => new()
    {
        ["Id"] = id, ["Name"] = name, ["Category"] = category, ["StalenessLimit"] = staleness,
        ["Checks"] = new JsonArray([.. checks.Select(c => (JsonNode)Check(c.Site, c.Check))]),
    };

    private static JsonObject Check(string site, string check) => new() { ["Site"] = site, ["Node"] = "pve1", ["Check"] = check };

    private static JsonObject Contract(string id, string client, string[] services, decimal fee, decimal objective, bool unknownCountsAsDown,
        decimal perTranche = 5m, decimal trancheSize = 0.5m, decimal cap = 20m) => new()
    {
        ["Id"] = id, ["Client"] = client, ["Services"] = new JsonArray([.. services.Select(s => (JsonNode)s)]), ["MonthlyFee"] = fee,
        ["Currency"] = "CAD", ["Objective"] = objective, ["UnknownCountsAsDown"] = unknownCountsAsDown, ["Start"] = "2020-01-01",
        ["CreditPerTranche"] = perTranche, ["TrancheSize"] = trancheSize, ["CreditCap"] = cap,
    };
}
