using Chezlepro.Mqtt.Validation;

namespace Chezlepro.Mqtt.Tests.Validation;

public sealed class MqttUtf8Tests
{
    [Theory]
    [InlineData("chezlepro/v1/lanaudiere/pve1/status")]
    [InlineData("Panne du réseau — sur batterie")]
    [InlineData("emoji 🔋")]
    [InlineData("\uFEFFbom kept")] // [MQTT-1.5.3-3]: a BOM is a character, not stripped
    [InlineData("")]
    public void Encode_Acceptable_RoundTrips(string value) =>
        Assert.Equal(value, System.Text.Encoding.UTF8.GetString(MqttUtf8.Encode(value, "x")));

    // Everything Mosquitto's mosquitto_validate_utf8 disconnects for (mqtt-sla.md §1.2).
    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0001b")]
    [InlineData("a\u001Fb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u009Fb")]
    [InlineData("a\uFDD0b")]
    [InlineData("a\uFFFEb")]
    [InlineData("a\uFFFFb")]
    [InlineData("a\U0001FFFEb")]
    public void Encode_Forbidden_Throws(string value) =>
        Assert.Throws<ArgumentException>(() => MqttUtf8.Encode(value, "topic"));

    [Fact]
    public void Encode_LoneSurrogate_Throws()
    {
        // Built here: xUnit would turn a lone surrogate in [InlineData] into U+FFFD on the way.
        var value = "a" + (char)0xD800 + "b";
        Assert.Throws<ArgumentException>(() => MqttUtf8.Encode(value, "topic"));
    }

    [Fact]
    public void Encode_Over65535Bytes_Throws() =>
        Assert.Throws<ArgumentException>(() => MqttUtf8.Encode(new string('a', 65_536), "topic"));

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })] // overlong
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })] // truncated
    [InlineData(new byte[] { 0x80 })] // lone continuation
    public void Check_IllFormedBytes_Error(byte[] bytes) => Assert.NotNull(MqttUtf8.Check(bytes));
}
