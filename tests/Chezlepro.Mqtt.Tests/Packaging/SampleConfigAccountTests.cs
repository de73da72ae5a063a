using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Chezlepro.Mqtt.Tests.Support;

namespace Chezlepro.Mqtt.Tests.Packaging;

/// <summary>
/// The sample configurations the .deb installs (packaging/linux/config) log in with the account chezlepro-broker.sh
/// creates for them: the collector sample once said <c>collector</c> while the script creates <c>collector-&lt;id&gt;</c>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SampleConfigAccountTests : IDisposable
{
    private readonly BrokerScript _script = new();

    public void Dispose() => _script.Dispose();

    [Fact]
    public void CollectorSample_UserName_IsTheScriptsAccountForItsId()
    {
        using var sample = Sample("collector.json");
        var id = sample.RootElement.GetProperty("Collector").GetProperty("Id").GetString()!;

        var account = _script.Run("add-collector", id);

        Assert.Equal(account["user"], sample.RootElement.GetProperty("Mqtt").GetProperty("Username").GetString());
    }

    [Fact]
    public void AgentSample_UserName_IsTheScriptsAccountForItsSiteAndNode()
    {
        using var sample = Sample("agent.json");
        var agent = sample.RootElement.GetProperty("Agent");

        var account = _script.Run("add-node", agent.GetProperty("Site").GetString()!, agent.GetProperty("Node").GetString()!);

        Assert.Equal(account["user"], sample.RootElement.GetProperty("Mqtt").GetProperty("Username").GetString());
    }

    [Fact]
    public void AddCollectorWithCert_IssuesAClientCertificateNamedAfterTheAccount()
    {
        _script.Run("init-ca");

        var account = _script.Run("add-collector", "ovh", "--cert");

        using var certificate = X509Certificate2.CreateFromPemFile(
            Path.Combine(_script.Directory, "collector-ovh.crt"), Path.Combine(_script.Directory, "collector-ovh.key"));
        Assert.Equal("collector-ovh", account["user"]);
        Assert.Equal("CN=collector-ovh", certificate.Subject);
        var usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Contains(usage.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.2");
    }

    private static JsonDocument Sample(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(BrokerScript.PackagingDirectory, "..", "linux", "config", name)));
}
