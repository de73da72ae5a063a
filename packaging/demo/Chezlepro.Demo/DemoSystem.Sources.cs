using System.Text.Json.Nodes;

namespace Chezlepro.Demo;

internal sealed partial class DemoSystem
{
    private Task<JsonArray> SourcesForAsync(string site, CancellationToken cancellationToken)
    {
        _ = site;
        _ = cancellationToken;
        return Task.FromResult(new JsonArray(new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = "00:00:05" }));
    }
}
