using Chezlepro.Agent.Actions;
using Chezlepro.Agent.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Chezlepro.Agent.Tests.Actions;

/// <summary>The <c>Actions</c> section as an operator writes it, and every way it can be wrong.</summary>
public class LocalActionsOptionsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static readonly (string, string?)[] Valid =
    [
        ("Actions:0:Name", "shutdown-guests"), ("Actions:0:Command", "/usr/local/sbin/shutdown-guests"),
        ("Actions:0:Arguments:0", "--order"), ("Actions:0:Arguments:1", "db web"), ("Actions:0:RuntimeBelow", "00:15:00"),
        ("Actions:0:Hold", "00:03:00"), ("Actions:0:OnlyWhenBrokerUnreachable", "true"), ("Actions:0:Timeout", "00:08:00"),
    ];

    [Fact]
    public void Read_FullEntry_EveryValueAndDryRunStillTrue()
    {
        var options = LocalActionsOptions.Read(Config(Valid));

        var a = Assert.Single(options.Actions);
        Assert.Empty(options.ReadErrors);
        Assert.Equal(("shutdown-guests", "/usr/local/sbin/shutdown-guests"), (a.Name, a.Command));
        Assert.Equal(["--order", "db web"], a.Arguments);
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(8)), (a.RuntimeBelow, a.Hold, a.Timeout));
        Assert.True(a.OnlyWhenBrokerUnreachable);
        Assert.True(a.DryRun);
        Assert.True(new LocalActionsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Read_NoSection_NoActions()
    {
        var options = LocalActionsOptions.Read(Config());

        Assert.Empty(options.Actions);
        Assert.True(new LocalActionsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Actions:0:Hold", "two minutes", "Actions:0:Hold: 'two minutes' is not a duration")]
    [InlineData("Actions:0:RuntimeBelow", "15", "Actions:0:RuntimeBelow: '15.00:00:00'")]
    [InlineData("Actions:0:RuntimeBelow", "-00:05:00", "Actions:0:RuntimeBelow: '-00:05:00' must be above")]
    [InlineData("Actions:0:DryRun", "yes", "Actions:0:DryRun: 'yes' must be true or false")]
    [InlineData("Actions:0:Timeout", "00:00:00", "Actions:0:Timeout: '00:00:00' must be above")]
    [InlineData("Actions:0:Timeout", "02:00:00", "Actions:0:Timeout: '02:00:00' must be above 00:00:00 and at most 01:00:00 / doit dépasser 00:00:00 et valoir au plus 01:00:00")]
    [InlineData("Actions:0:Command", "shutdown-guests.sh", "Actions:0:Command: 'shutdown-guests.sh' must be an absolute path")]
    [InlineData("Actions:0:Command", "", "Actions:0:Command: '' must be an absolute path")]
    [InlineData("Actions:0:Name", "shut down", "Actions:0:Name: 'shut down' is required")]
    [InlineData("Actions:1:Name", "shutdown-guests", "Actions:1:Name: 'shutdown-guests' is used by another action / est déjà pris par une autre action")]
    public void Validate_BadValue_NamesTheKeyAndTheValue(string key, string value, string expected)
    {
        var values = Valid.Concat([("Actions:1:Name", "other"), ("Actions:1:Command", "/bin/true")]).ToDictionary(v => v.Item1, v => v.Item2);
        values[key] = value;

        var result = new LocalActionsOptionsValidator().Validate(null, LocalActionsOptions.Read(Config([.. values.Select(kv => (kv.Key, kv.Value))])));

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void CheckConfig_BadAction_Reported()
    {
        var configuration = Config(
        [
            ("Agent:Site", "lanaudiere"), ("Agent:Node", "pve1"), ("Mqtt:Host", "127.0.0.1"),
            ("Actions:0:Name", "halt"), ("Actions:0:Command", "poweroff"),
        ]);

        Assert.Contains(ConfigCheck.Run(configuration), p => p.StartsWith("Actions:0:Command: 'poweroff'", StringComparison.Ordinal));
    }
}
