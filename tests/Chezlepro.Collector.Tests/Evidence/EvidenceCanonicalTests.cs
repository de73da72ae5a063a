using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Evidence;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

public sealed class EvidenceCanonicalTests
{
    internal static readonly DateTimeOffset At = new(2026, 11, 21, 14, 5, 0, TimeSpan.Zero);

    // Computed with `jq -jcS . | sha256sum` on the same record (Evidence/README.md): jq, not our code, is the reference.
    private const string GoldenCanonical =
        "{\"at\":\"2026-11-21T14:05:00.000Z\",\"client\":\"acme\",\"data\":{\"downSeconds\":300,\"list\":[1,null],\"note\":\"é \\\"q\\\"\\n\\u007f\\u0001 😀\"," +
        "\"ok\":true,\"priority\":\"P1\",\"ratio\":0.25,\"service\":\"erp-a\"},\"kind\":\"incident.detected\"," +
        "\"prev\":\"sha256:0000000000000000000000000000000000000000000000000000000000000000\",\"seq\":1,\"subject\":\"erp-a-20261121T140500Z\"}";

    private const string GoldenHash = "sha256:1a5774ef7ef3c2db1fbc95349640998bec57fa6c081042441aa26c48e0117fd7";

    internal static JsonObject GoldenData() => new()
    {
        ["service"] = "erp-a", ["priority"] = "P1", ["downSeconds"] = 300, ["ratio"] = 0.25, ["ok"] = true,
        ["note"] = "é \"q\"\n\u007f\u0001 😀", ["list"] = new JsonArray(1, null),
    };

    [Fact]
    public void Golden_RecordGivesJqsBytesAndHash()
    {
        var bytes = EvidenceCanonical.Encode(1, EvidenceKinds.IncidentDetected, At, "acme", "erp-a-20261121T140500Z", GoldenData(), EvidenceCanonical.Genesis);
        Assert.Equal(GoldenCanonical, Encoding.UTF8.GetString(bytes));
        Assert.Equal(GoldenHash, EvidenceCanonical.Hash(bytes));
        var sealedRecord = EvidenceChain.Seal(new EvidenceEntry(EvidenceKinds.IncidentDetected, At, "acme", "erp-a-20261121T140500Z", GoldenData()), 1, EvidenceCanonical.Genesis);
        Assert.Equal(GoldenHash, sealedRecord.Hash);
    }

    [Fact]
    public void Keys_SortedByCodePointNotUtf16()
    {
        // U+E000 sorts before U+1F600 by code point, after it by UTF-16 code unit (a surrogate is 0xD83D).
        var data = new JsonObject { ["😀"] = 1, ["\uE000"] = 2, ["z"] = 3, ["é"] = 4, ["A"] = 5 };
        Assert.Equal("{\"A\":5,\"z\":3,\"é\":4,\"\uE000\":2,\"😀\":1}", Encoding.UTF8.GetString(EvidenceCanonical.Encode(data)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-12")]
    [InlineData("999999999999999")]
    [InlineData("0.25")]
    [InlineData("-0.0001")]
    [InlineData("12345.6789")]
    public void Number_InTheForm_Accepted(string number) => Assert.True(EvidenceCanonical.IsCanonicalNumber(number));

    [Theory]
    [InlineData("1.50")]
    [InlineData("1e3")]
    [InlineData("1E+20")]
    [InlineData("0.00001")]
    [InlineData("-0")]
    [InlineData("007")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1234567890123456")]
    [InlineData("")]
    [InlineData("NaN")]
    public void Number_OutsideTheForm_Refused(string number) => Assert.False(EvidenceCanonical.IsCanonicalNumber(number));

    [Fact]
    public void Append_NumberOrStringOutsideTheForm_RefusedNotRewritten()
    {
        Assert.Throws<EvidenceFormatException>(() => EvidenceChain.Seal(Entry(new JsonObject { ["v"] = 1e-7 }), 1, EvidenceCanonical.Genesis));
        Assert.Throws<EvidenceFormatException>(() => EvidenceChain.Seal(Entry(new JsonObject { ["v"] = JsonNode.Parse("1.50") }), 1, EvidenceCanonical.Genesis));
        Assert.Throws<EvidenceFormatException>(() => EvidenceChain.Seal(Entry(new JsonObject { ["v"] = "\uD800x" }), 1, EvidenceCanonical.Genesis));
        Assert.Throws<EvidenceFormatException>(() => EvidenceChain.Seal(Entry([]), 1, "sha256:bad"));
    }

    [Fact]
    public void At_CutToMilliseconds_AsStored()
    {
        var r = EvidenceChain.Seal(Entry([]) with { At = At.AddTicks(12_345) }, 1, EvidenceCanonical.Genesis);
        Assert.Equal(At.AddMilliseconds(1), r.At);
        Assert.Equal(r.Hash, EvidenceChain.Recompute(r));
    }

    [Fact]
    public void Encode_AnyAcceptedData_EqualsJqOutput()
    {
        var data = new JsonObject
        {
            ["tab\tkey"] = "slash / back \\ bell \u0007 del \u007f unicode ÀÉÎ 中文 🚀",
            ["nested"] = new JsonObject { ["b"] = new JsonArray(true, false, null, -3, 1.5), ["a"] = new JsonObject() },
            ["empty"] = "",
        };
        var ours = Encoding.UTF8.GetString(EvidenceCanonical.Encode(data));
        Assert.Equal(ours, Jq(data.ToJsonString()));
    }

    internal static EvidenceEntry Entry(JsonObject data) => new(EvidenceKinds.MaintenanceAnnounced, At, null, "mw-1", data);

    private static string Jq(string json)
    {
        using var jq = Process.Start(new ProcessStartInfo("jq", "-jcS .")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8,
        })!;
        jq.StandardInput.Write(json);
        jq.StandardInput.Close();
        var output = jq.StandardOutput.ReadToEnd();
        jq.WaitForExit();
        Assert.Equal(0, jq.ExitCode);
        return output;
    }
}
