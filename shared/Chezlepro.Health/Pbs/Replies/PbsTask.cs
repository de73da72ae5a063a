using System.Text.Json.Serialization;

namespace Chezlepro.Health.Pbs.Replies;

/// <summary>One item of <c>GET /nodes/localhost/tasks</c>; note the snake_case names (reference §2.1).</summary>
internal sealed class PbsTask
{
    [JsonPropertyName("upid")] public string? Upid { get; set; }
    [JsonPropertyName("starttime")] public long? StartTime { get; set; }
    [JsonPropertyName("endtime")] public long? EndTime { get; set; }
    [JsonPropertyName("worker_type")] public string? WorkerType { get; set; }
    [JsonPropertyName("worker_id")] public string? WorkerId { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }

    /// <summary>
    /// Failed: finished with a status other than <c>OK</c> or <c>WARNINGS: n</c> (reference §1.3 task status).
    /// </summary>
    public bool IsFailure => EndTime is not null && Status is { Length: > 0 } s && s != "OK"
        && !s.StartsWith("WARNINGS", StringComparison.Ordinal) && !s.Equals("unknown", StringComparison.OrdinalIgnoreCase);

    /// <summary>Worker id with PBS's <c>\xNN</c> escapes decoded (<c>main\x3av\x2d1</c> → <c>main:v-1</c>).</summary>
    public string DecodedWorkerId => Unescape(WorkerId ?? "");

    internal static string Unescape(string value)
    {
        var sb = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 3 < value.Length && value[i + 1] == 'x'
                && byte.TryParse(value.AsSpan(i + 2, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                sb.Append((char)b);
                i += 3;
            }
            else
            {
                sb.Append(value[i]);
            }
        }
        return sb.ToString();
    }
}
