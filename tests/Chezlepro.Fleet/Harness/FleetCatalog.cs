using System.Text.Json.Nodes;

namespace Chezlepro.Fleet.Harness;

/// <summary>
/// The collector's catalog for the simulated fleet: one service per node (defined by its <c>probe.web</c> check) and one
/// contract per site covering its nodes' services, so <c>/api/v1/sla/{month}</c> computes the whole fleet.
/// </summary>
internal static class FleetCatalog
{
    public static JsonObject Build(IEnumerable<(string Site, string Node)> nodes, string serviceCheck)
    {
        var services = new JsonArray();
        var contracts = new JsonArray();
        foreach (var site in nodes.GroupBy(n => n.Site))
        {
            var ids = new JsonArray();
            foreach (var (s, node) in site)
            {
                var id = $"svc-{s}-{node}";
                ids.Add(id);
                services.Add(new JsonObject
                {
                    ["Id"] = id, ["Name"] = $"Web {s}/{node}", ["Category"] = "important",
                    ["Checks"] = new JsonArray(new JsonObject { ["Site"] = s, ["Node"] = node, ["Check"] = serviceCheck }),
                });
            }
            contracts.Add(new JsonObject
            {
                ["Id"] = $"c-{site.Key}", ["Client"] = $"Client {site.Key}", ["Services"] = ids, ["MonthlyFee"] = 150.0,
                ["Currency"] = "CAD", ["Objective"] = 99.5, ["UnknownCountsAsDown"] = true, ["Start"] = "2026-01-01",
            });
        }
        return new JsonObject { ["Services"] = services, ["Contracts"] = contracts };
    }
}
