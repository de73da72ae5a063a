using Chezlepro.Agent.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chezlepro.Agent.Tests.Sources.Proxmox;

/// <summary>Builds source entries and a service provider the way the host does, from in-memory keys.</summary>
internal static class SourceConfig
{
    public const string Fingerprint = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    public const string Secret = "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a";

    public static IConfigurationRoot Root(params (string Key, string Value)[] entries) =>
        new ConfigurationBuilder().AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))).Build();

    public static SourceDefinition Entry(IConfigurationRoot root, int index = 0)
    {
        var section = root.GetSection($"Sources:{index}");
        return new SourceDefinition(index, section["Type"] ?? "", section["Name"] ?? "", TimeSpan.FromSeconds(30), section, root);
    }

    public static SourceDefinition Entry(params (string Key, string Value)[] keys) =>
        Entry(Root(keys.Select(k => ($"Sources:0:{k.Key}", k.Value)).ToArray()));

    public static ServiceProvider Services(IConfigurationRoot? root = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (root is not null)
            services.AddSingleton<IConfiguration>(root);
        return services.BuildServiceProvider();
    }
}
