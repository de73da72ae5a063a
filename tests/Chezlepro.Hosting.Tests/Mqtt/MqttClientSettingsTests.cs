using Chezlepro.Hosting.Mqtt;
using Chezlepro.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Chezlepro.Hosting.Tests.Mqtt;

public sealed class MqttClientSettingsTests
{
    private static MqttOptions Bind(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddMqttOptions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MqttOptions>>().Value;
    }

    [Fact]
    public void TlsKeys_ReachTheClientOptions()
    {
        var ca = Path.GetTempFileName();
        var cert = Path.GetTempFileName();
        var key = Path.GetTempFileName();
        try
        {
            var mqtt = Bind(("Mqtt:Host", "broker.example.org"), ("Mqtt:Port", "8883"), ("Mqtt:Tls:Enabled", "true"),
                ("Mqtt:Tls:CaFile", ca), ("Mqtt:Tls:CertificateFile", cert), ("Mqtt:Tls:KeyFile", key),
                ("Mqtt:Tls:PinnedSha256", new string('a', 64)), ("Mqtt:Tls:TargetHost", "mqtt.internal"));

            var client = MqttClientSettings.Create(mqtt, "chezlepro-collector-ovh", durableSession: true, TimeSpan.FromSeconds(5));

            Assert.True(client.Tls.Enabled);
            Assert.Equal(ca, client.Tls.CaFile);
            Assert.Equal(cert, client.Tls.CertificateFile);
            Assert.Equal(key, client.Tls.KeyFile);
            Assert.Equal(new string('a', 64), client.Tls.PinnedSha256);
            Assert.Equal("mqtt.internal", client.Tls.TargetHost);
            Assert.False(client.Tls.SkipCertificateValidation);
            Assert.Equal(("broker.example.org", 8883, "chezlepro-collector-ovh"), (client.Host, client.Port, client.ClientId));
        }
        finally
        {
            File.Delete(ca);
            File.Delete(cert);
            File.Delete(key);
        }
    }

    [Fact]
    public void ProtocolVersion_DefaultIs311_FiveSelectsV500()
    {
        Assert.Equal(MqttProtocolVersion.V311, MqttClientSettings.Create(Bind(), "c", false, TimeSpan.FromSeconds(15)).ProtocolVersion);
        Assert.Equal(MqttProtocolVersion.V500,
            MqttClientSettings.Create(Bind(("Mqtt:ProtocolVersion", "5")), "c", false, TimeSpan.FromSeconds(15)).ProtocolVersion);
    }

    [Fact]
    public void DurableSession_UnderMqtt5_AsksTheBrokerToKeepIt()
    {
        var v5 = Bind(("Mqtt:ProtocolVersion", "5"));
        var durable = MqttClientSettings.Create(v5, "c", durableSession: true, TimeSpan.FromSeconds(5));
        Assert.False(durable.CleanSession);
        Assert.Equal(MqttClientSettings.NeverExpires, durable.SessionExpiryInterval);

        var clean = MqttClientSettings.Create(v5, "c", durableSession: false, TimeSpan.FromSeconds(15));
        Assert.True(clean.CleanSession);
        Assert.Null(clean.SessionExpiryInterval);
        // 3.1.1 has no expiry property: Clean Session 0 alone keeps the session.
        Assert.Null(MqttClientSettings.Create(Bind(), "c", durableSession: true, TimeSpan.FromSeconds(5)).SessionExpiryInterval);
    }

    [Fact]
    public void ReconnectDelay_ServiceDefaultUnlessConfigured_EmptyPasswordIsNone()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), MqttClientSettings.Create(Bind(), "c", true, TimeSpan.FromSeconds(5)).ReconnectMaxDelay);
        var configured = Bind(("Mqtt:ReconnectMaxDelaySeconds", "30"), ("Mqtt:Username", "u"), ("Mqtt:Password", ""));
        var client = MqttClientSettings.Create(configured, "c", true, TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(30), client.ReconnectMaxDelay);
        Assert.Null(client.Password);
    }

    [Fact]
    public void InvalidSection_FailsAtResolution_WithKeyAndValue()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(("Mqtt:ProtocolVersion", "6")));
        Assert.Contains("Mqtt:ProtocolVersion = '6'", ex.Message, StringComparison.Ordinal);
    }
}
