using Chezlepro.Hosting.Mqtt;
using Xunit;

namespace Chezlepro.Hosting.Tests.Mqtt;

public sealed class MqttOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new MqttOptionsValidator().Validate(null, new MqttOptions()).Succeeded);

    [Fact]
    public void BadValues_EachNamedWithItsValue_PasswordNeverEchoed()
    {
        var r = new MqttOptionsValidator().Validate(null, new MqttOptions
        {
            Port = 70000, KeepAliveSeconds = 2, TopicRoot = "a/b", MaxInflight = 0, Password = "hunter2-secret",
            ProtocolVersion = "4", ReconnectMaxDelaySeconds = 0,
        });
        Assert.Contains("Mqtt:Port = 70000: must be 1-65535 / doit être entre 1 et 65535.", r.Failures!);
        Assert.Contains(r.Failures!, f => f.StartsWith("Mqtt:KeepAliveSeconds = 2", StringComparison.Ordinal));
        Assert.Contains(r.Failures!, f => f.StartsWith("Mqtt:TopicRoot = 'a/b'", StringComparison.Ordinal));
        Assert.Contains(r.Failures!, f => f.StartsWith("Mqtt:MaxInflight = 0", StringComparison.Ordinal));
        Assert.Contains(r.Failures!, f => f.StartsWith("Mqtt:ProtocolVersion = '4': must be 3.1.1 or 5", StringComparison.Ordinal));
        Assert.Contains(r.Failures!, f => f.StartsWith("Mqtt:ReconnectMaxDelaySeconds = 0", StringComparison.Ordinal));
        Assert.Contains("Mqtt:Password is set without Mqtt:Username (MQTT-3.1.2-22) / est réglé sans Mqtt:Username (MQTT-3.1.2-22).", r.Failures!);
        Assert.DoesNotContain(r.Failures!, f => f.Contains("hunter2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("3.1.1")]
    [InlineData("5")]
    [InlineData("5.0")]
    public void ProtocolVersion_AcceptedSpellings(string version) =>
        Assert.True(new MqttOptionsValidator().Validate(null, new MqttOptions { ProtocolVersion = version }).Succeeded);

    [Fact]
    public void Tls_MissingFilesLonelyKeyBadPin_EachNamed()
    {
        var r = new MqttOptionsValidator().Validate(null, new MqttOptions
        {
            Tls = new BrokerTlsOptions
            {
                Enabled = true, CaFile = "/nonexistent/ca.pem", KeyFile = "/nonexistent/client.key", PinnedSha256 = "AB:CD", PinOnly = true,
            },
        });
        Assert.Contains(r.Failures!, f => f == "Mqtt:Tls:CaFile = '/nonexistent/ca.pem': file not found / fichier introuvable.");
        Assert.Contains(r.Failures!, f => f == "Mqtt:Tls:KeyFile = '/nonexistent/client.key': file not found / fichier introuvable.");
        Assert.Contains(r.Failures!, f => f.StartsWith("Mqtt:Tls:CertificateFile and Mqtt:Tls:KeyFile go together", StringComparison.Ordinal));
        Assert.Contains(r.Failures!, f => f.StartsWith("Mqtt:Tls:PinnedSha256 = 'AB:CD'", StringComparison.Ordinal));
    }

    [Fact]
    public void Tls_Disabled_FilesNotChecked() =>
        Assert.True(new MqttOptionsValidator().Validate(null, new MqttOptions { Tls = new BrokerTlsOptions { CaFile = "/nonexistent/ca.pem" } }).Succeeded);
}
