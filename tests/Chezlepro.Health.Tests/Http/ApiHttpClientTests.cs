using Chezlepro.Health.Http;
using Chezlepro.Health.Tests.Support;
using Chezlepro.Testing.Http;
using Chezlepro.Testing.Tls;

namespace Chezlepro.Health.Tests.Http;

[Trait("Category", "Integration")]
public class ApiHttpClientTests
{
    [Fact]
    public async Task GetDataAsync_ReplyOverLimit_InvalidReplyNotBuffered()
    {
        var cert = TestCertificates.SelfSigned();
        await using var server = new FakeApiServer(cert).On("cluster/resources", FakeReply.Fixture("pve8/resources-healthy.json"));
        using var client = new ApiHttpClient(new ApiClientOptions
        {
            BaseUrls = [server.BaseUrl], TokenId = "a@pve!b", TokenSecret = "c", CertificateFingerprints = [CertificateTrust.Format(cert)],
            MaxReplyBytes = 1000,
        }, ApiFlavor.ProxmoxVe, TimeProvider.System, new ListLogger());

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetDataAsync("cluster/resources", CancellationToken.None));

        Assert.Equal(ApiFailureKind.InvalidReply, ex.Kind);
        Assert.Contains("exceeds the 1000-byte limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDataAsync_AllNodesDown_OneLineNamingEveryAttempt()
    {
        var a = new Uri($"https://127.0.0.1:{Chezlepro.Testing.FreePort.Next()}");
        var b = new Uri($"https://127.0.0.1:{Chezlepro.Testing.FreePort.Next()}");
        using var client = new ApiHttpClient(new ApiClientOptions { BaseUrls = [a, b], TokenId = "a@pve!b", TokenSecret = "c" },
            ApiFlavor.ProxmoxVe, TimeProvider.System, new ListLogger());

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetDataAsync("cluster/status", CancellationToken.None));

        Assert.Equal(ApiFailureKind.ConnectionFailed, ex.Kind);
        Assert.StartsWith("no node answered (2 tried); last: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot connect (ConnectionRefused)", ex.Message, StringComparison.Ordinal);
    }
}
