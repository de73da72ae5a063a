namespace Chezlepro.Mqtt.Tests;

public sealed class MqttClientOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Valid() => Assert.Empty(MqttClientOptionsValidator.Validate(new MqttClientOptions { ClientId = "c" }));

    [Fact]
    public void Validate_BadValues_EachNamedWithValue()
    {
        var errors = MqttClientOptionsValidator.Validate(new MqttClientOptions
        {
            Host = "",
            Port = 70000,
            KeepAlive = TimeSpan.FromSeconds(70000),
            MaxInflight = 0,
            ClientId = "",
            CleanSession = false,
            Password = "secret-pw",
            ReconnectMinDelay = TimeSpan.FromSeconds(10),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        });
        var all = string.Join("\n", errors);
        Assert.Contains("Mqtt:Host", all);
        Assert.Contains("Mqtt:Port = 70000", all);
        Assert.Contains("Mqtt:KeepAlive", all);
        Assert.Contains("Mqtt:MaxInflight = 0", all);
        Assert.Contains("[MQTT-3.1.3-7]", all);
        Assert.Contains("[MQTT-3.1.2-22]", all);
        Assert.Contains("Mqtt:ReconnectMaxDelay", all);
        Assert.DoesNotContain("secret-pw", all);
    }

    [Fact]
    public void Validate_BadPort_EnglishThenFrenchReason() =>
        Assert.Contains("Mqtt:Port = 70000 is outside 1..65535 / doit être entre 1 et 65535",
            MqttClientOptionsValidator.Validate(new MqttClientOptions { ClientId = "c", Port = 70000 }));

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithoutIo() =>
        Assert.Throws<ArgumentException>(() => new MqttClient(new MqttClientOptions { ClientId = "a\u0001" },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MqttClient>.Instance, TimeProvider.System));
}
