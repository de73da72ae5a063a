using Xunit;
using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.RestoreTest;
using Chezlepro.Agent.Tests.Sources.Proxmox;
using Chezlepro.Simulators.Http;
using Chezlepro.Testing;
using Chezlepro.Testing.Pbs;
using Chezlepro.Testing.Tls;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Agent.Tests.Sources.RestoreTest;

/// <summary>A fake PBS (the recorded PBS 3 server, HTTPS), a temporary data folder and the settings a test tunes.</summary>
public sealed class RestoreFixture : IAsyncDisposable
{
    public const string Secret = "5c1e9a7d-2b4f-4c6e-8a0d-restoretest01";

    private RestoreFixture(FixtureHttpServer pbs, DirectoryInfo folder)
    {
        Pbs = pbs;
        Folder = folder.FullName;
    }

    public FixtureHttpServer Pbs { get; }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; } = new();

    public string Repository => $"monitor@pbs!restore@127.0.0.1:{Pbs.Port}:{ProxmoxFixtures.PbsDatastore}";

    public static async Task<RestoreFixture> StartAsync()
    {
        var pbs = ProxmoxFixtures.ServePbs(await FixtureHttpServer.StartAsync(TestCertificates.SelfSigned("pbs1")));
        return new RestoreFixture(pbs, Directory.CreateTempSubdirectory("chezlepro-restore-"));
    }

    public FakeBackupClient Client(string body) => FakeBackupClient.Create(Path.Combine(Folder, "bin"), body);

    /// <summary>The entry's keys; the sample restores host/fw01's root.pxar.didx and checks etc/hostname.</summary>
    public List<(string Key, string Value)> Keys(FakeBackupClient client, params (string Key, string Value)[] extra)
    {
        var keys = new List<(string Key, string Value)>
        {
            ("Agent:DataDirectory", Path.Combine(Folder, "data")),
            ("Sources:0:Type", "restore-test"), ("Sources:0:Name", "restore"),
            ("Sources:0:Repository", Repository), ("Sources:0:Password", Secret), ("Sources:0:Fingerprint", Pbs.CertificateFingerprint!),
            ("Sources:0:ClientPath", client.Path), ("Sources:0:ScratchDirectory", Path.Combine(Folder, "scratch")),
            ("Sources:0:Samples:0:Name", "fw01-etc"), ("Sources:0:Samples:0:Guest", "host-fw01"),
            ("Sources:0:Samples:0:Archive", "root.pxar.didx"), ("Sources:0:Samples:0:Path", "etc/hostname"),
        };
        foreach (var (key, value) in extra)
        {
            keys.RemoveAll(k => k.Key == "Sources:0:" + key);
            keys.Add(("Sources:0:" + key, value));
        }
        return keys;
    }

    public RestoreTestSettings Settings(FakeBackupClient client, params (string Key, string Value)[] extra)
    {
        var problems = new List<string>();
        var settings = new RestoreTestSourceFactory().Parse(new SourceKeys(SourceConfig.Entry(SourceConfig.Root([.. Keys(client, extra)])), problems));
        Assert.Empty(problems);
        return settings;
    }

    internal RestoreRunner Runner(RestoreTestSettings settings) => new(settings, Clock, NullLogger.Instance);

    internal RestoreTestSource Source(RestoreTestSettings settings) => new("restore", settings, Runner(settings), Clock, NullLogger.Instance);

    public async ValueTask DisposeAsync()
    {
        await Pbs.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
