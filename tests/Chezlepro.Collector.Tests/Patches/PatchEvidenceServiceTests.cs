using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Patches;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Collector.Tests.Reports;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Collector.Tests.Patches;

/// <summary>The leader's patch round on real SQLite files: each fact journaled once across rounds, a restart and leadership changes.</summary>
public sealed class PatchEvidenceServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Patched = new(2026, 11, 20, 11, 26, 3, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("patch-evidence-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero));
    private readonly CatalogOptions _catalog = new()
    {
        Services = [new ServiceDefinition { Id = "mail", Checks = [new CheckReference { Site = "ovh", Node = "pve1", Check = "probe.mail" }] }],
        Contracts = [new ContractDefinition { Id = "c1", Client = "OBNL Alpha", Services = ["mail"] }],
    };
    private SqliteCollectorStore _store = null!;
    private long _seq;

    private sealed class Leader : ILeadership
    {
        public bool Shared => true;

        public bool IsLeader { get; set; } = true;

        public Task<bool> HoldAsync(CancellationToken cancellationToken) => Task.FromResult(IsLeader);
    }

    public async Task InitializeAsync()
    {
        _store = new SqliteCollectorStore(Path.Combine(_dir, "collector.db"));
        await _store.InitializeAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Rounds_RestartAndNewLeadership_EachFactOnce()
    {
        var leader = new Leader();
        DateTimeOffset securitySeen;
        await using (var evidence = new SqliteEvidenceStore(Path.Combine(_dir, "evidence.db")))
        {
            var service = Service(new EvidenceJournal(evidence), leader);
            await Report(6, 2, Patched.AddDays(-7));
            await service.RunRoundAsync(default);
            await service.RunRoundAsync(default);
            // The security count moves; the next round journals it, once.
            await Report(7, 3, Patched.AddDays(-7));
            securitySeen = _time.GetUtcNow();
            await service.RunRoundAsync(default);
            await service.RunRoundAsync(default);
            // Another collector leads for a while, then this one again: it reads its baseline back.
            leader.IsLeader = false;
            await service.RunRoundAsync(default);
            leader.IsLeader = true;
            await service.RunRoundAsync(default);
        }
        // Restart: a new service over the reopened journal, then a patch run.
        await using (var evidence = new SqliteEvidenceStore(Path.Combine(_dir, "evidence.db")))
        {
            var journal = new EvidenceJournal(evidence);
            var service = Service(journal, leader);
            await service.RunRoundAsync(default);
            await Report(0, 0, Patched);
            await service.RunRoundAsync(default);
            await service.RunRoundAsync(default);

            var records = await journal.ListAsync(DateTimeOffset.UnixEpoch, _time.GetUtcNow().AddDays(1), "OBNL Alpha", default);
            Assert.Equal(
                [("patched", Patched.AddDays(-7), (int?)2, (int?)null), ("security", securitySeen, 3, 2), ("patched", Patched, 0, 3)],
                records.Select(r => ((string)r.Data["change"]!, r.At, (int?)r.Data["security"], (int?)r.Data["securityBefore"])));
            Assert.All(records, r => Assert.Equal(("ovh/pve1", EvidenceKinds.PatchState), (r.Subject, r.Kind)));
        }
    }

    [Fact]
    public async Task Follower_WritesNothing()
    {
        await using var evidence = new SqliteEvidenceStore(Path.Combine(_dir, "evidence.db"));
        var journal = new EvidenceJournal(evidence);
        await Report(6, 2, Patched);

        await Service(journal, new Leader { IsLeader = false }).RunRoundAsync(default);

        Assert.Empty(await journal.ListAsync(DateTimeOffset.UnixEpoch, _time.GetUtcNow().AddDays(1), null, default));
    }

    private PatchEvidenceService Service(EvidenceJournal journal, ILeadership leader) =>
        new(_store, journal, leader, ProductionPath.Monitor(_catalog), _time, new LoopFailureCounters(), NullLogger<PatchEvidenceService>.Instance);

    // The agent's next result, a minute later on the clock.
    private async Task Report(int pending, int security, DateTimeOffset lastPatchAt)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var details = new JsonObject
        {
            ["pending"] = pending, ["security"] = security, ["lastPatchAt"] = lastPatchAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", null), ["packages"] = new JsonArray(),
        };
        var r = new HealthResult { Site = "ovh", Node = "pve1", Seq = ++_seq, Ts = _time.GetUtcNow(), Check = "patch", Status = HealthStatus.Ok, Summary = "…", Details = details };
        Assert.Equal(StoreOutcome.Inserted, await _store.StoreOneAsync(IngestItems.Of(r), r.Ts));
    }
}
