using Chezlepro.Mqtt.Validation;

namespace Chezlepro.Mqtt.Tests.Validation;

public sealed class MqttTopicTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("/")]
    [InlineData("a//b")]
    [InlineData("with space")]
    public void EncodeName_Valid_Accepted(string topic) => Assert.NotEmpty(MqttTopic.EncodeName(topic));

    [Theory]
    [InlineData("")]
    [InlineData("a/+/b")]
    [InlineData("a/#")]
    [InlineData("a+")]
    public void EncodeName_Invalid_Throws(string topic) => Assert.Throws<ArgumentException>(() => MqttTopic.EncodeName(topic));

    [Theory]
    [InlineData("#")]
    [InlineData("a/#")]
    [InlineData("+")]
    [InlineData("+/+/x")]
    [InlineData("chezlepro/v1/+/+/#")]
    [InlineData("$SYS/#")]
    public void EncodeFilter_Valid_Accepted(string filter) => Assert.NotEmpty(MqttTopic.EncodeFilter(filter));

    [Theory]
    [InlineData("")]
    [InlineData("a#")]
    [InlineData("a/#/b")]
    [InlineData("a/b+")]
    [InlineData("a/+b/c")]
    public void EncodeFilter_Invalid_Throws(string filter) => Assert.Throws<ArgumentException>(() => MqttTopic.EncodeFilter(filter));
}
