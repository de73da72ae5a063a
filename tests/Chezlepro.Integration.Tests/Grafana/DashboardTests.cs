using System.Text.Json;
using System.Text.RegularExpressions;
using Chezlepro.Integration.Tests.Prometheus;
using Chezlepro.Integration.Tests.Support;
using Xunit;

namespace Chezlepro.Integration.Tests.Grafana;

/// <summary>
/// packaging/grafana without Grafana: every dashboard parses, every data source it names is provisioned, every PromQL
/// query selects metrics the services really export (the real scrape), every API panel asks for a path the
/// collector's OpenAPI document has.
/// </summary>
[Trait("Category", "Integration")]
[Collection(RealScrapeCollection.Name)]
public sealed partial class DashboardTests(RealScrape scrape)
{
    private const string PrometheusType = "prometheus";
    private const string InfinityType = "yesoreyeram-infinity-datasource";
    private static readonly string Folder = Repository.Path("packaging", "grafana");

    public static TheoryData<string> Dashboards() => [.. DashboardFiles()];

    [Fact]
    public void Dashboards_TheThreeViews_AreShipped() =>
        Assert.Equal(["chezlepro-delivery.json", "chezlepro-fleet.json", "chezlepro-service-levels.json"], DashboardFiles());

    private static string[] DashboardFiles() =>
        Directory.GetFiles(Path.Combine(Folder, "dashboards"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_EveryDataSource_IsProvisioned(string file)
    {
        var provisioned = ProvisionedDataSources();
        var wrong = Queries(Load(file)).Where(q => !provisioned.TryGetValue(q.Uid, out var type) || type != q.Type)
            .Select(q => $"{q.Panel}: {q.Type}/{q.Uid}").ToList();
        Assert.True(wrong.Count == 0, "data sources not provisioned (uid and type):\n" + string.Join('\n', wrong));
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_EveryPromQl_SelectsExportedMetrics(string file)
    {
        var queries = Queries(Load(file)).Where(q => q.Type == PrometheusType).ToList();
        var unknown = queries.SelectMany(q => KnownMetricNames.Unknown(q.Text, scrape.MetricNamesByJob).Select(n => $"{q.Panel}: {n}")).ToList();
        Assert.NotEmpty(queries);
        Assert.True(unknown.Count == 0, "metrics neither scraped nor pending:\n" + string.Join('\n', unknown));
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Dashboard_EveryApiPanel_AsksForADocumentedPath(string file)
    {
        using var openApi = JsonDocument.Parse(scrape.OpenApi);
        var templates = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .Select(p => new Regex("^" + PathParameter().Replace(Regex.Escape(p.Name), "[^/]+") + "$"))
            .ToList();
        var wrong = Queries(Load(file)).Where(q => q.Type == InfinityType)
            .Where(q => !q.Text.StartsWith('/') || !templates.Any(t => t.IsMatch(ApiPath(q.Text))))
            .Select(q => $"{q.Panel}: {q.Text}").ToList();
        Assert.True(wrong.Count == 0, "API paths not in /openapi/v1.json:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void ApiPath_GrafanaVariablesAndQuery_Removed() =>
        Assert.Equal("/api/v1/sla/x", ApiPath("/api/v1/sla/${__from:date:YYYY-MM}?format=json"));

    private static JsonDocument Load(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "dashboards", file)));

    // The path a panel asks for, with Grafana's variables standing for one path segment each.
    private static string ApiPath(string url) => PromQlNames.ReplaceGrafanaVariables(url.Split('?')[0], "x");

    /// <summary>uid → type of every provisioned data source (the provisioning file keeps uid before type).</summary>
    private static Dictionary<string, string> ProvisionedDataSources()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "provisioning", "datasources"), "*.yml"))
        {
            string? uid = null;
            foreach (var line in File.ReadLines(file))
            {
                if (YamlKey().Match(line) is not { Success: true } m) continue;
                if (m.Groups["key"].Value == "uid") uid = m.Groups["value"].Value;
                else if (uid is not null) (result[uid], uid) = (m.Groups["value"].Value, null);
            }
        }
        return result;
    }

    private sealed record Query(string Panel, string Type, string Uid, string Text);

    // Every query of the dashboard: panel targets (a target without a data source uses its panel's) and template variables.
    private static IEnumerable<Query> Queries(JsonDocument dashboard)
    {
        var root = dashboard.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("uid").GetString()), "dashboard without uid");
        foreach (var panel in Panels(root.GetProperty("panels")))
        {
            var title = panel.GetProperty("title").GetString()!;
            var (type, uid) = DataSource(panel, null);
            foreach (var target in panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray() : default)
            {
                var (tType, tUid) = DataSource(target, (type, uid));
                var text = tType == InfinityType ? target.GetProperty("url").GetString()! : target.GetProperty("expr").GetString()!;
                yield return new Query(title, tType, tUid, text);
            }
        }
        foreach (var variable in root.GetProperty("templating").GetProperty("list").EnumerateArray().Where(v => v.GetProperty("type").GetString() == "query"))
        {
            var (type, uid) = DataSource(variable, null);
            var query = variable.GetProperty("query");
            var text = query.ValueKind == JsonValueKind.Object ? query.GetProperty("query").GetString()! : query.GetString()!;
            // label_values(<selector>, <label>): only the selector is PromQL.
            if (LabelValues().Match(text) is { Success: true } m) text = m.Groups["selector"].Value;
            yield return new Query("variable " + variable.GetProperty("name").GetString(), type, uid, text);
        }
    }

    private static IEnumerable<JsonElement> Panels(JsonElement panels)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var inner in Panels(nested)) yield return inner;
            }
        }
    }

    private static (string Type, string Uid) DataSource(JsonElement element, (string, string)? inherited)
    {
        if (element.TryGetProperty("datasource", out var ds) && ds.ValueKind == JsonValueKind.Object)
            return (ds.GetProperty("type").GetString()!, ds.GetProperty("uid").GetString()!);
        return inherited ?? throw new Xunit.Sdk.XunitException("a panel or variable without a data source (Grafana would pick the default)");
    }

    [GeneratedRegex(@"\\\{[^}/]*\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"^\s*-?\s*(?<key>uid|type):\s*(?<value>\S+)\s*$")]
    private static partial Regex YamlKey();

    [GeneratedRegex(@"^\s*label_values\(\s*(?<selector>.+?)\s*,\s*\w+\s*\)\s*$")]
    private static partial Regex LabelValues();
}
