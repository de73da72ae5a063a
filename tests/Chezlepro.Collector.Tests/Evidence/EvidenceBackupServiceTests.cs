using System.Text.Json.Nodes;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.RestoreTests;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

/// <summary>
/// The leader's round over stored health results: every PBS verification and every restore run journaled once
/// (repeated at every poll, seen again after a restart), none lost when two come between rounds, failures recorded,
/// the client from the catalog, nothing written by a follower.
/// </summary>
public sealed class EvidenceBackupServiceTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("evidence-backups-").FullName;
    private SqliteEvidenceStore _evidence = null!;
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly Leader _leader = new();
    private SqliteCollectorStore _store = null!;
    private SqliteRestoreTestStore _tests = null!;
    private long _seq;

    private static CatalogOptions Catalog => new()
    {
        Services = [new ServiceDefinition { Id = "mail-a" }, new ServiceDefinition { Id = "shared" }],
        Contracts =
        [
            new ContractDefinition { Id = "contrat-a", Client = "OBNL Alpha", Services = ["mail-a", "shared"] },
            new ContractDefinition { Id = "contrat-b", Client = "OBNL Beta", Services = ["shared"] },
        ],
        Guests = [new GuestDefinition { Id = "vm-101", Service = "mail-a" }, new GuestDefinition { Id = "vm-300", Service = "shared" }],
    };

    [Fact]
    public async Task Verifications_EachOnce_TwoBetweenRoundsBothKept_FailedKept_NoneSkipped_ClientFromCatalog()
    {
        var service = await StartAsync();
        await Backup("vm-101", "vm/101/2026-12-04T02:00:00Z", "ok", T0.AddHours(-30), verifiedAt: "2026-12-04T03:10:00Z");
        await Backup("vm-101", "vm/101/2026-12-04T02:00:00Z", "ok", T0.AddHours(-29), verifiedAt: "2026-12-04T03:10:00Z");
        await service.RunRoundAsync(default);
        // Two verifications reported between two rounds (a collector away, a late outbox), one of them failed.
        await Backup("vm-101", "vm/101/2026-12-05T02:00:00Z", "failed", T0.AddHours(-6));
        await Backup("vm-101", "vm/101/2026-12-05T02:00:00Z", "ok", T0.AddHours(-5), verifiedAt: "2026-12-05T07:00:00Z");
        await Backup("vm-300", "vm/300/2026-12-05T02:00:00Z", "ok", T0.AddHours(-4));
        await Backup("vm-101", "vm/101/2026-12-05T03:00:00Z", "none", T0.AddHours(-3));
        await service.RunRoundAsync(default);
        await service.RunRoundAsync(default);
        // A new leader (or a restart) reads the same week again: nothing is written twice.
        await StartAsync().ContinueWith(t => t.Result.RunRoundAsync(default)).Unwrap();

        var records = await Records(EvidenceKinds.BackupVerified);
        Assert.Equal(
        [
            ("vm-101", "2026-12-04T03:10:00.000Z", "ok", "OBNL Alpha"), ("vm-101", "2026-12-05T02:00:00.000Z", "failed", "OBNL Alpha"),
            ("vm-300", "2026-12-05T02:00:00.000Z", "ok", null), ("vm-101", "2026-12-05T07:00:00.000Z", "ok", "OBNL Alpha"),
        ], records.OrderBy(r => r.At).ThenBy(r => r.Subject, StringComparer.Ordinal)
            .Select(r => (r.Subject, EvidenceCanonical.FormatAt(r.At), r.Data["state"]!.GetValue<string>(), r.Client)));
        var shared = records.Single(r => r.Subject == "vm-300");
        Assert.Equal("[\"OBNL Alpha\",\"OBNL Beta\"]", shared.Data["clients"]!.ToJsonString());
        Assert.Equal(("vm/300/2026-12-05T02:00:00Z", "shared", "pbs1"), (shared.Data["snapshot"]!.GetValue<string>(), shared.Data["service"]!.GetValue<string>(),
            shared.Data["node"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RestoreRuns_RereportedOnce_FailedKept_StoredAsScheduledTests_BadResultsSkipped_FollowerWritesNothing()
    {
        var service = await StartAsync();
        _leader.IsLeader = false;
        await Restore("mail-files", T0.AddHours(-50), Run("2026-12-03T09:00:00Z", "ok"));
        await service.RunRoundAsync(default);
        Assert.Empty(await Records(EvidenceKinds.RestoreTest));

        _leader.IsLeader = true;
        // The agent repeats its last run at every poll until the next one.
        for (var i = 1; i <= 3; i++) await Restore("mail-files", T0.AddHours(-50 + i), Run("2026-12-03T09:00:00Z", "ok"));
        await Restore("mail-files", T0.AddHours(-2), Run("2026-12-05T09:00:00Z", "mismatch"));
        await Restore("mail-files", T0.AddHours(-1), new JsonObject { ["outcome"] = "ok" });
        await Restore("mail-files", T0.AddMinutes(-50), Run("hier", "ok"));
        await Restore("mail-files", T0.AddMinutes(-40), Run("2026-12-05T10:00:00Z", "exploded"));
        await Restore("mail-files", T0.AddMinutes(-30), new JsonObject { ["startedAt"] = 12, ["outcome"] = "ok" });
        await service.RunRoundAsync(default);
        await service.RunRoundAsync(default);

        var records = await Records(EvidenceKinds.RestoreTest);
        Assert.Equal([("restore.mail-files", "2026-12-03T09:00:00.000Z", "ok"), ("restore.mail-files", "2026-12-05T09:00:00.000Z", "mismatch")],
            records.Select(r => (r.Subject, EvidenceCanonical.FormatAt(r.At), r.Data["outcome"]!.GetValue<string>())));
        var first = records[0];
        Assert.Equal("OBNL Alpha", first.Client);
        Assert.Equal("""{"archive":"root.pxar","bytes":1048576,"durationSeconds":12.5,"guest":"vm-101","name":"mail-files","node":"pbs1","origin":"schedule","outcome":"ok","service":"mail-a","sha256":"ab12","site":"ovh","snapshot":"vm/101/2026-12-03T02:00:00Z"}""",
            System.Text.Encoding.UTF8.GetString(EvidenceCanonical.Encode(first.Data)));
        var stored = await _tests.ListAsync(T0.AddDays(-7), T0, default);
        Assert.Equal([(RestoreTestOrigins.Schedule, "mail-files", RestoreOutcomes.Ok), (RestoreTestOrigins.Schedule, "mail-files", RestoreOutcomes.Mismatch)],
            stored.Select(t => (t.Origin, t.Name, t.Outcome)));
    }

    [Fact]
    public async Task LaterRounds_ReadWhatWasReceivedSince_AReplayOfAnOldVerificationIsStillRecorded()
    {
        var service = await StartAsync();
        await Backup("vm-101", "vm/101/2026-12-04T02:00:00Z", "ok", T0.AddHours(-30));
        await service.RunRoundAsync(default);
        _time.Advance(TimeSpan.FromMinutes(10));
        // Captured two days ago, held in the agent's outbox during a WAN cut, received now.
        await Backup("vm-101", "vm/101/2026-12-03T02:00:00Z", "failed", T0.AddDays(-2));
        await service.RunRoundAsync(default);

        Assert.Equal(["2026-12-03T02:00:00.000Z", "2026-12-04T02:00:00.000Z"],
            (await Records(EvidenceKinds.BackupVerified)).Select(r => EvidenceCanonical.FormatAt(r.At)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"details":"x"}""")]
    [InlineData("""{"details":{"verifyState":"ok","verifySnapshot":"vm/101/not-a-time"}}""")]
    [InlineData("""{"details":{"verifyState":"ok"}}""")]
    [InlineData("""{"details":{"verifyState":"maybe","verifySnapshot":"vm/101/2026-12-05T02:00:00Z"}}""")]
    [InlineData("""{"details":{"verifyState":"ok","verifySnapshot":"vm/101/2026-12-05T02:00:00"}}""")]
    public void BadResults_ReadAsNothing(string payload)
    {
        Assert.Null(BackupVerification.Read(new StoredHealthResult("ovh", "pbs1", "pbs.backup.vm-101", T0, payload)));
        Assert.Null(RestoreResultReader.Read(new StoredHealthResult("ovh", "pbs1", "restore.x", T0, payload), Catalog));
        Assert.Null(RestoreResultReader.Read(new StoredHealthResult("ovh", "pbs1", "restore.", T0, """{"details":{"startedAt":"2026-12-05T09:00:00Z","outcome":"ok"}}"""), Catalog));
    }

    private async Task<EvidenceBackupService> StartAsync()
    {
        if (_store is null)
        {
            _store = new SqliteCollectorStore(Path.Combine(_dir, "collector.db"));
            await _store.InitializeAsync(default);
            _tests = new SqliteRestoreTestStore(Path.Combine(_dir, "restoretests.db"));
        }
        return new EvidenceBackupService(_store, _tests, new EvidenceJournal(_evidence), new Monitor(Catalog), _leader,
            Microsoft.Extensions.Options.Options.Create(new RestoreTestOptions()), _time, new LoopFailureCounters(), NullLogger<EvidenceBackupService>.Instance);
    }

    private async Task<List<EvidenceRecord>> Records(string kind) =>
        [.. (await new EvidenceJournal(_evidence).ListAsync(T0.AddDays(-30), T0.AddDays(1), null, default)).Where(r => r.Kind == kind)];

    private static JsonObject Run(string startedAt, string outcome) => new()
    {
        ["guest"] = "vm-101", ["snapshot"] = "vm/101/2026-12-03T02:00:00Z", ["archive"] = "root.pxar", ["bytes"] = 1048576, ["durationSeconds"] = 12.5,
        ["outcome"] = outcome, ["sha256"] = "ab12", ["startedAt"] = startedAt,
    };

    private Task Backup(string guest, string snapshot, string state, DateTimeOffset ts, string? verifiedAt = null)
    {
        var details = new JsonObject { ["lastBackupAt"] = "2026-12-05T02:00:00Z", ["verifySnapshot"] = snapshot, ["verifyState"] = state };
        if (verifiedAt is not null) details["verifiedAt"] = verifiedAt;
        return Put("pbs.backup." + guest, ts, details);
    }

    private Task Restore(string name, DateTimeOffset ts, JsonObject details) => Put("restore." + name, ts, details);

    private async Task Put(string check, DateTimeOffset ts, JsonObject details)
    {
        var r = new HealthResult { Site = "ovh", Node = "pbs1", Seq = ++_seq, Ts = ts, Check = check, Status = HealthStatus.Ok, Summary = "ok", Details = details };
        // Received now, whatever its capture time: a late replay from an outbox is received late.
        Assert.Equal(StoreOutcome.Inserted, await _store.StoreOneAsync(IngestItems.Of(r), _time.GetUtcNow()));
    }

    public Task InitializeAsync()
    {
        _evidence = new SqliteEvidenceStore(Path.Combine(_dir, "evidence.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        _tests?.Dispose();
        await _evidence.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class Leader : ILeadership
    {
        public bool Shared => false;

        public bool IsLeader { get; set; } = true;

        public Task<bool> HoldAsync(CancellationToken cancellationToken) => Task.FromResult(IsLeader);
    }

    private sealed class Monitor(CatalogOptions value) : IOptionsMonitor<CatalogOptions>
    {
        public CatalogOptions CurrentValue => value;

        public CatalogOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CatalogOptions, string?> listener) => null;
    }
}
