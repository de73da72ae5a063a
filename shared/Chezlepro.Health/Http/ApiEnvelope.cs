using System.Text;
using System.Text.Json;

namespace Chezlepro.Health.Http;

/// <summary>Reads the <c>{"data": …}</c> envelope PVE and PBS wrap every reply in (reference §1.1, §2.1).</summary>
internal static class ApiEnvelope
{
    public static void RejectNonJson(byte[] body, string? mediaType, string where)
    {
        var first = Array.FindIndex(body, b => !char.IsWhiteSpace((char)b));
        if (first < 0)
            throw new ApiException(ApiFailureKind.InvalidReply, $"{where}: empty reply");
        if (body[first] == (byte)'<' || (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)))
            throw new ApiException(ApiFailureKind.InvalidReply, $"{where}: an HTML page came back instead of JSON (proxy or login page?)");
    }

    public static JsonElement ReadData(byte[] body, string path)
    {
        var where = "/" + path.TrimStart('/').Split('?')[0];
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("data", out var data))
                throw new ApiException(ApiFailureKind.InvalidReply, $"{where}: reply has no 'data' member");
            return data.Clone();
        }
        catch (JsonException ex)
        {
            throw new ApiException(ApiFailureKind.InvalidReply,
                $"{where}: reply is not valid JSON (truncated?) at byte {ex.BytePositionInLine ?? 0} of line {ex.LineNumber ?? 0}: {Preview(body)}");
        }
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 40));
        return ApiErrors.Clean(text);
    }
}
