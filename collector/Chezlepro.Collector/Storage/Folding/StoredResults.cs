using System.Text.Json;
using Chezlepro.Contracts.Json;

namespace Chezlepro.Collector.Storage.Folding;

/// <summary>Reads a stored health message (the payload as received) back as a fold result.</summary>
public static class StoredResults
{
    /// <summary>The result a stored payload carries, or null when it cannot be read (it was validated on ingest).</summary>
    public static FoldResult? Parse(string payload)
    {
        try
        {
            var h = JsonSerializer.Deserialize(payload, ContractJsonContext.Default.HealthResult);
            return h is null ? null : new FoldResult(h.Ts.ToUnixTimeMilliseconds(), h.Status, h.Details?.ToJsonString());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
