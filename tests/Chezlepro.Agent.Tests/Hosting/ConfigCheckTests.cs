using Chezlepro.Agent.Hosting;
using Chezlepro.Agent.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chezlepro.Agent.Tests.Hosting;

public class ConfigCheckTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] sources) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            new (string Key, string Value)[] { ("Agent:Site", "lanaudiere"), ("Agent:Node", "pve1"), ("Agent:DataDirectory", "/var/lib/chezlepro-agent") }
                .Concat(sources).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    // The gap: a ceph entry reading through the Proxmox API with no connection of its own and no proxmox source to
    // borrow one from. check-config said "configuration OK"; the service then failed at start.
    [Fact]
    public void Run_CephWithNoConnectionToBorrow_ReportsWhatStartUpRejects()
    {
        var configuration = Configuration(("Sources:0:Type", "ceph"), ("Sources:0:Name", "ceph"), ("Sources:0:Mode", "proxmox-api"));

        var problems = ConfigCheck.Run(configuration);

        const string Expected = "Sources:0:Mode: 'proxmox-api' needs BaseUrl/TokenId/TokenSecret on this entry or a 'proxmox' source to borrow them from"
            + " / demande BaseUrl/TokenId/TokenSecret sur cette entrée ou une source «\u00a0proxmox\u00a0» à qui les emprunter";
        Assert.Equal([Expected], problems);
        var services = new ServiceCollection().AddLogging().AddAgent(configuration);
        using var provider = services.BuildServiceProvider();
        var startUp = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IReadOnlyList<ConfiguredSource>>());
        Assert.Contains(Expected, startUp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CephBorrowingFromAProxmoxSource_NoProblemAndStarts()
    {
        var configuration = Configuration(
            ("Sources:0:Type", "proxmox"), ("Sources:0:Name", "pve"), ("Sources:0:BaseUrl", "https://pve1:8006"),
            ("Sources:0:TokenId", "monitor@pve!agent"), ("Sources:0:TokenSecret", "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"),
            ("Sources:1:Type", "ceph"), ("Sources:1:Name", "ceph"), ("Sources:1:Mode", "proxmox-api"));

        Assert.Empty(ConfigCheck.Run(configuration));
        var services = new ServiceCollection().AddLogging().AddAgent(configuration);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["pve", "ceph"], provider.GetRequiredService<IReadOnlyList<ConfiguredSource>>().Select(s => s.Definition.Name));
    }

    [Fact]
    public void Run_ForwardingAckTimeoutTooShort_ReportedWithKeyAndValue()
    {
        var problems = ConfigCheck.Run(Configuration(("Forwarding:AckTimeout", "00:00:02")));

        Assert.Equal(["Forwarding:AckTimeout = 00:00:02: must be between 00:00:05 and 1.00:00:00 / doit être entre 00:00:05 et 1.00:00:00."], problems);
    }

    [Fact]
    public void Run_ForwardingAckTimeoutNotATime_ReportedWithKey()
    {
        var problem = Assert.Single(ConfigCheck.Run(Configuration(("Forwarding:AckTimeout", "soon"))));

        Assert.Contains("AckTimeout", problem, StringComparison.Ordinal);
    }
}
