using System.Text;
using Chezlepro.Collector.Ingest;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Xunit;

namespace Chezlepro.Collector.Tests.Ingest;

public sealed class MessageValidatorTests
{
    private const string Health = "chezlepro/v1/lanaudiere/pve1/health/ceph";
    private readonly MessageValidator _validator = new(new TopicScheme(), 4096);

    [Fact]
    public void Validate_ContractHealth_Accepted()
    {
        var o = Run(Health, """{"schema":1,"site":"lanaudiere","node":"pve1","seq":9,"ts":"2026-11-21T14:03:10.200Z","check":"ceph","status":"warning","summary":"HEALTH_WARN"}""");
        Assert.Null(o.Cause);
        Assert.Equal(HealthStatus.Warning, Assert.IsType<HealthResult>(o.Message).Status);
    }

    [Theory]
    [InlineData("chezlepro/v1/lanaudiere/pve1/bogus", "{}", RejectCause.Topic)]
    [InlineData(Health, "{\"schema\":1,", RejectCause.Json)]
    [InlineData(Health, "not json", RejectCause.Json)]
    [InlineData(Health, """{"schema":2,"site":"lanaudiere","node":"pve1","seq":9,"ts":"2026-11-21T14:03:10.200Z","check":"ceph","status":"ok"}""", RejectCause.Schema)]
    [InlineData(Health, """{"schema":1,"site":"lanaudiere","node":"pve1","ts":"2026-11-21T14:03:10.200Z","check":"ceph","status":"ok"}""", RejectCause.Schema)]
    [InlineData(Health, """{"schema":1,"site":"lanaudiere","node":"pve1","seq":9,"ts":"2026-11-21T14:03:10.200Z","check":"ceph","status":"fine"}""", RejectCause.Schema)]
    [InlineData(Health, """{"schema":1,"site":"st-bruno","node":"pve1","seq":9,"ts":"2026-11-21T14:03:10.200Z","check":"ceph","status":"ok"}""", RejectCause.Identity)]
    [InlineData(Health, """{"schema":1,"site":"lanaudiere","node":"pve1","seq":9,"ts":"2026-11-21T14:03:10.200Z","check":"pbs","status":"ok"}""", RejectCause.Identity)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/telemetry/host", """{"schema":1,"site":"lanaudiere","node":"pve1","seq":1,"ts":"2026-11-21T14:03:10.200Z","source":"host","samples":[{"metric":"x","value":"NaN"}]}""", RejectCause.Schema)]
    [InlineData("chezlepro/v1/lanaudiere/pve1/alerts", """{"schema":1,"site":"lanaudiere","node":"pve1","seq":1,"ts":"2026-11-21T14:03:10.200Z","alert":{"id":"A+B","state":"raised","priority":"P1","source":"x","summary":"s","summaryEn":"s"}}""", RejectCause.Schema)]
    public void Validate_BadInput_RejectedWithCause(string topic, string payload, RejectCause cause) =>
        Assert.Equal(cause, Run(topic, payload).Cause);

    [Fact]
    public void Validate_Oversized_RejectedBeforeParsing() =>
        Assert.Equal(RejectCause.Oversized, Run(Health, "{" + new string(' ', 5000) + "}").Cause);

    [Fact]
    public void Validate_CollectorTopics_IgnoredNotRejected() =>
        Assert.True(Run("chezlepro/v1/failover/public-web", "{}").Ignored);

    [Fact]
    public void Validate_RandomBytes_NeverThrows()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            var o = _validator.Validate(Health, bytes);
            Assert.NotNull(o.Cause);
        }
    }

    private ValidationOutcome Run(string topic, string payload) => _validator.Validate(topic, Encoding.UTF8.GetBytes(payload));
}
