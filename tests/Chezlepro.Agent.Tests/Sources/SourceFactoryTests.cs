using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Tests.Sources.Proxmox;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources;

/// <summary>
/// check-config (Validate) and start-up (Create) must judge an entry alike, for every source type: an entry Validate
/// passes is created, and an entry Create rejects is rejected by Validate with the same problems.
/// </summary>
public class SourceFactoryTests
{
    // contract.md's example Sources array, with a real fingerprint where it shows "AB:CD:…".
    private static readonly (string Key, string Value)[][] ContractExample =
    [
        [("Type", "host"), ("Name", "host"), ("Interval", "00:00:10")],
        [("Type", "victron-gx"), ("Name", "victron"), ("Interval", "00:00:05"), ("Host", "192.168.10.20"), ("Port", "502"),
            ("SystemUnitId", "100"), ("VebusUnitId", "227"), ("BatteryUnitId", "225")],
        [("Type", "vebus-mk3"), ("Name", "quattro"), ("Interval", "00:00:05"), ("SerialPort", "/dev/ttyUSB0")],
        [("Type", "eg4-ll"), ("Name", "eg4"), ("Interval", "00:00:10"), ("SerialPort", "/dev/ttyUSB1"), ("BaudRate", "9600"),
            ("UnitIds:0", "2"), ("UnitIds:1", "3"), ("UnitIds:2", "4")],
        [("Type", "proxmox"), ("Name", "pve"), ("Interval", "00:00:30"), ("BaseUrl", "https://pve1:8006"),
            ("TokenId", "monitor@pve!agent"), ("TokenSecret", SourceConfig.Secret), ("CertificateFingerprint", SourceConfig.Fingerprint)],
        [("Type", "pbs"), ("Name", "pbs"), ("Interval", "00:05:00"), ("BaseUrl", "https://pbs:8007"),
            ("TokenId", "monitor@pbs!agent"), ("TokenSecret", SourceConfig.Secret), ("CertificateFingerprint", SourceConfig.Fingerprint)],
        [("Type", "ceph"), ("Name", "ceph"), ("Interval", "00:00:30"), ("Mode", "proxmox-api")],
        [("Type", "probe"), ("Name", "mail"), ("Interval", "00:00:30"), ("Kind", "https"), ("Url", "https://mail.example.org/"), ("ExpectStatus", "200")],
        [("Type", "patches"), ("Name", "patches"), ("Interval", "06:00:00")],
        // Issue 20's restore test (contract.md names its check, restore.<name>; its example array predates it).
        [("Type", "restore-test"), ("Name", "restore"), ("Interval", "00:01:00"), ("Repository", "monitor@pbs!restore@pbs:main"),
            ("Password", SourceConfig.Secret), ("Samples:0:Name", "db01-etc"), ("Samples:0:Guest", "vm-101"), ("Samples:0:Archive", "etc.pxar")],
    ];

    public static TheoryData<int> ContractEntries => new(Enumerable.Range(0, ContractExample.Length));

    public static TheoryData<string> Types => new(Factories().Select(f => f.Type));

    [Fact]
    public void Factories_OnePerContractType()
    {
        Assert.Equal(ContractExample.Select(e => e[0].Value).Order(StringComparer.Ordinal), Factories().Select(f => f.Type).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ContractEntries))]
    public void ContractExample_EachEntryInTheWholeArray_ValidAndCreated(int index)
    {
        var root = SourceConfig.Root(ContractExample.SelectMany((entry, i) => entry.Select(k => ($"Sources:{i}:{k.Key}", k.Value))).ToArray());
        var definition = Definition(root, index);

        Assert.Empty(Factory(definition.Type).Validate(definition));
        AssertAgree(definition);
    }

    // Each entry alone in its configuration: the ceph entry then has no proxmox source to borrow from, which
    // check-config once passed and start-up refused.
    [Theory]
    [MemberData(nameof(ContractEntries))]
    public void ContractExample_EachEntryAlone_ValidateAndCreateAgree(int index) =>
        AssertAgree(Definition(SourceConfig.Root(ContractExample[index].Select(k => ($"Sources:0:{k.Key}", k.Value)).ToArray()), 0));

    [Theory]
    [MemberData(nameof(Types))]
    public void OnlyTypeAndName_ValidateAndCreateAgree(string type) =>
        AssertAgree(Definition(SourceConfig.Root(("Sources:0:Type", type), ("Sources:0:Name", "x")), 0));

    [Theory]
    [MemberData(nameof(Types))]
    public void BadCommonValues_ValidateAndCreateAgree(string type) =>
        AssertAgree(Definition(SourceConfig.Root(("Sources:0:Type", type), ("Sources:0:Name", "x"), ("Sources:0:Port", "0"),
            ("Sources:0:Timeout", "soon"), ("Sources:0:Mode", "cli"), ("Sources:0:Kind", "tcp"), ("Sources:0:Alerts:SocLow", "150")), 0));

    private static void AssertAgree(SourceDefinition definition)
    {
        var factory = Factory(definition.Type);
        var problems = factory.Validate(definition);
        using var services = SourceConfig.Services();
        ISource? source = null;

        var error = Record.Exception(() => source = factory.Create(definition, services));

        if (problems.Count == 0)
            Assert.Null(error);
        else
            Assert.Equal(string.Join("; ", problems), Assert.IsType<InvalidOperationException>(error).Message);
        (source as IDisposable)?.Dispose();
        (source as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public void Every_factory_in_the_assembly_is_registered_explicitly()
    {
        // The AOT agent cannot discover factories by reflection: one left out of Registered() is a source type
        // check-config and the service would call unknown.
        var declared = typeof(SourceFactory).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(SourceFactory).IsAssignableFrom(t))
            .Select(t => t.FullName).Order(StringComparer.Ordinal);
        var registered = SourceCatalog.Registered().Select(f => f.GetType().FullName).Order(StringComparer.Ordinal);
        Assert.Equal(declared, registered);
        Assert.Equal(registered.Count(), SourceCatalog.Registered().Select(f => f.Type).Distinct(StringComparer.Ordinal).Count());
    }

    private static SourceDefinition Definition(IConfigurationRoot root, int index)
    {
        var section = root.GetSection($"Sources:{index}");
        var interval = section["Interval"] is { } text ? TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : TimeSpan.FromSeconds(30);
        return new SourceDefinition(index, section["Type"]!, section["Name"]!, interval, section, root);
    }

    private static SourceFactory Factory(string type) => Factories().Single(f => f.Type == type);

    private static IEnumerable<SourceFactory> Factories() =>
        typeof(SourceFactory).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(SourceFactory).IsAssignableFrom(t))
            .Select(t => (SourceFactory)Activator.CreateInstance(t)!);
}
