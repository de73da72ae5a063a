using System.Text;
using System.Text.Json;
using Chezlepro.Agent.Outbox;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

public sealed class SeqShiftTests
{
    [Fact]
    public void Envelope_SeqMoved_RestKept()
    {
        var shifted = SeqShift.Apply(Encoding.UTF8.GetBytes("""{"schema":1,"seq":7,"ts":"2026-11-21T14:03:10.123Z","alert":{"summary":"Panne du réseau"}}"""), 100);
        var root = JsonDocument.Parse(shifted).RootElement;
        Assert.Equal(107, root.GetProperty("seq").GetInt64());
        Assert.Equal("Panne du réseau", root.GetProperty("alert").GetProperty("summary").GetString());
        Assert.Equal("2026-11-21T14:03:10.123Z", root.GetProperty("ts").GetString());
    }

    [Theory]
    [InlineData("seq=1")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("""{"schema":1}""")]
    [InlineData("""{"seq":"7"}""")]
    [InlineData("""{"seq":1.5}""")]
    [InlineData("""{"seq":1""")]
    public void BadPayload_Throws(string payload)
    {
        Assert.Throws<InvalidDataException>(() => SeqShift.Apply(Encoding.UTF8.GetBytes(payload), 10));
    }
}
