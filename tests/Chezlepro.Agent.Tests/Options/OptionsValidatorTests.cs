using Chezlepro.Agent.Options;
using Xunit;

namespace Chezlepro.Agent.Tests.Options;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Agent_BadIdentity_KeyAndValueInMessage()
    {
        var r = new AgentOptionsValidator().Validate(null, new AgentOptions { Site = "Lanaudière", Node = "", DataDirectory = "" });
        Assert.True(r.Failed);
        Assert.Contains(r.Failures!, f => f.StartsWith("Agent:Site = 'Lanaudière'", StringComparison.Ordinal));
        Assert.Contains(r.Failures!, f => f.StartsWith("Agent:Node = ''", StringComparison.Ordinal));
        Assert.Contains("Agent:DataDirectory is empty: give the folder of the outbox / est vide\u00a0: donnez le dossier de la file d’envoi.", r.Failures!);
    }

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new OutboxOptionsValidator().Validate(null, new OutboxOptions()).Succeeded);
        Assert.True(new AgentOptionsValidator().Validate(null, new AgentOptions { Site = "s", Node = "n" }).Succeeded);
    }

    [Fact]
    public void Outbox_TooSmall_Named()
    {
        var r = new OutboxOptionsValidator().Validate(null, new OutboxOptions { MaxBytes = 10, MaxAge = TimeSpan.FromMinutes(1), BatchSize = 0 });
        Assert.Equal(
            [
                "Outbox:MaxBytes = 10: must be at least 1048576 (1 MiB) / doit être d’au moins 1048576 (1\u00a0Mio).",
                "Outbox:MaxAge = 00:01:00: must be at least 01:00:00 / doit être d’au moins 01:00:00.",
                "Outbox:BatchSize = 0: must be 1-10000 / doit être entre 1 et 10000.",
            ],
            r.Failures!);
    }

    [Theory]
    [InlineData("00:00:04.999")]
    [InlineData("1.00:00:01")]
    public void Forwarding_AckTimeoutOutOfRange_NamedWithValue(string value)
    {
        var r = new ForwardingOptionsValidator().Validate(null, new ForwardingOptions { AckTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) });
        var failure = Assert.Single(r.Failures!);
        Assert.StartsWith($"Forwarding:AckTimeout = {TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)}:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Forwarding_DefaultAndMinimum_Valid()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), new ForwardingOptions().AckTimeout);
        Assert.True(new ForwardingOptionsValidator().Validate(null, new ForwardingOptions()).Succeeded);
        Assert.True(new ForwardingOptionsValidator().Validate(null, new ForwardingOptions { AckTimeout = TimeSpan.FromSeconds(5) }).Succeeded);
    }
}
