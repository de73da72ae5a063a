using System.Text;
using Chezlepro.Health.Http;
using Chezlepro.Health.Proxmox.Replies;
using FsCheck;
using FsCheck.Fluent;

namespace Chezlepro.Health.Tests.Http;

public class ApiEnvelopeTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("{\"data\":[{\"quorate\":1}]", "not valid JSON")]
    [InlineData("{\"errors\":{}}", "no 'data' member")]
    [InlineData("[1,2]", "no 'data' member")]
    [InlineData("\u0000\u0001garbage", "not valid JSON")]
    public void ReadData_BadBodies_InvalidReplyWithReason(string body, string expected)
    {
        var ex = Assert.Throws<ApiException>(() => ApiEnvelope.ReadData(B(body), "cluster/status"));

        Assert.Equal(ApiFailureKind.InvalidReply, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("/cluster/status: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ", null, "empty reply")]
    [InlineData("<html>login</html>", null, "HTML page")]
    [InlineData("{\"data\":1}", "text/html", "HTML page")]
    public void RejectNonJson_EmptyOrHtml_InvalidReply(string body, string? mediaType, string expected)
    {
        var ex = Assert.Throws<ApiException>(() => ApiEnvelope.RejectNonJson(B(body), mediaType, "pve1:8006 /x"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PerlBooleansAndStringNumbers_ParsedLeniently()
    {
        var data = ApiEnvelope.ReadData(B("{\"data\":[{\"type\":\"cluster\",\"quorate\":\"1\",\"nodes\":\"3\"},{\"type\":\"node\",\"online\":0,\"local\":true,\"nodeid\":2.0}]}"), "cluster/status");

        var entries = TolerantJson.Read<List<PveClusterStatusEntry>>(data, "/cluster/status");

        Assert.True(entries[0].Quorate);
        Assert.Equal(3, entries[0].Nodes);
        Assert.False(entries[1].Online);
        Assert.True(entries[1].Local);
        Assert.Equal(2, entries[1].NodeId);
    }

    [Fact]
    public void Read_WrongShape_InvalidReplyNamingThePath()
    {
        var data = ApiEnvelope.ReadData(B("{\"data\":[{\"quorate\":{\"x\":1}}]}"), "cluster/status");

        var ex = Assert.Throws<ApiException>(() => TolerantJson.Read<List<PveClusterStatusEntry>>(data, "/cluster/status"));

        Assert.Contains("unexpected reply shape at $[0].quorate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadData_AnyBytes_ReturnsOrThrowsApiExceptionOnly()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            try
            {
                ApiEnvelope.RejectNonJson(bytes, null, "x");
                ApiEnvelope.ReadData(bytes, "x");
            }
            catch (ApiException)
            {
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CephDecoder_AnyJsonObjectShape_NeverThrows()
    {
        var fragments = new[] { "{}", "{\"health\":1}", "{\"osdmap\":[]}", "{\"pgmap\":{\"pgs_by_state\":[1,null,{}]}}",
            "{\"health\":{\"checks\":{\"X\":3}}}", "{\"quorum_names\":[1,\"a\"]}", "{\"monmap\":{\"num_mons\":\"x\",\"mons\":[{}]}}" };
        Prop.ForAll(Gen.Elements(fragments).ArrayOf().ToArbitrary(), picks =>
        {
            foreach (var json in picks)
                Chezlepro.Health.Ceph.CephHealthMapper.Map(Chezlepro.Health.Ceph.CephStatusDecoder.Decode(System.Text.Json.JsonDocument.Parse(json).RootElement));
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89", true)]
    [InlineData("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", true)]
    [InlineData("AB:CD", false)]
    [InlineData("ZZ:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89", false)]
    public void IsValidFingerprint_Forms(string value, bool valid) => Assert.Equal(valid, ApiClientOptions.IsValidFingerprint(value));
}
