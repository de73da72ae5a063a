using Chezlepro.Collector.Failover;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Formats;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Contracts.Messages;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

public sealed class SqliteFailoverAuditLogTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("failover-audit-").FullName;
    private string PathDb => System.IO.Path.Combine(_dir, "failover.db");

    private static StoredFailoverRecord Record(string group, long epoch, string active, string mode = "automatic") => new(
        new FailoverDecision { Group = group, Active = active, Previous = "x", Epoch = epoch, Mode = mode, Reason = FailoverReasons.PrimaryUnreachable,
            DecidedAt = new DateTimeOffset(2026, 11, 21, 14, 5, 0, TimeSpan.Zero).AddMinutes(epoch) },
        new StoredFailoverEvidenceV1
        {
            Trigger = FailoverReasons.PrimaryUnreachable, ConditionSince = new DateTimeOffset(2026, 11, 21, 14, 4, 0, TimeSpan.Zero), PrimaryRuntimeSeconds = 1200.5,
            SecondaryHealthy = true, WitnessHolds = true, Facts = ["lanaudiere/pve1 offline"],
        });

    [Fact]
    public async Task LoadResumePoints_AfterReopen_HighestEpochAndLastAppliedNotAdvisory()
    {
        await using (var log = new SqliteFailoverAuditLog(PathDb))
        {
            await log.InitializeAsync(default);
            await log.AppendAsync(Record("public-web", 1, "st-bruno"), default);
            await log.AppendAsync(Record("public-web", 2, "lanaudiere"), default);
            await log.AppendAsync(Record("public-web", 3, "st-bruno", "advisory"), default);
            await log.AppendAsync(Record("mail", 9, "st-bruno"), default);
        }
        await using var reopened = new SqliteFailoverAuditLog(PathDb);
        await reopened.InitializeAsync(default);
        var points = await reopened.LoadResumePointsAsync(default);
        Assert.Equal(3, points["public-web"].Epoch);
        Assert.Equal(2, points["public-web"].LastApplied!.Decision.Epoch);
        Assert.Equal("lanaudiere", points["public-web"].LastApplied!.Decision.Active);
        Assert.Equal(9, points["mail"].Epoch);
        var history = await reopened.ListAsync("public-web", 10, default);
        Assert.Equal([3L, 2L, 1L], history.Select(h => h.Decision.Epoch));
        Assert.Equal(1200.5, history[0].Evidence.PrimaryRuntimeSeconds);
        Assert.Equal(["lanaudiere/pve1 offline"], history[0].Evidence.Facts);
    }

    [Fact]
    public async Task Append_SameEpochTwice_Refused()
    {
        await using var log = new SqliteFailoverAuditLog(PathDb);
        await log.InitializeAsync(default);
        await log.AppendAsync(Record("public-web", 1, "st-bruno"), default);
        await Assert.ThrowsAsync<FailoverAppendRefusedException>(() => log.AppendAsync(Record("public-web", 1, "lanaudiere"), default));
    }

    [Fact]
    public async Task Log_UpdateOrDelete_AbortedByTriggers()
    {
        await using (var log = new SqliteFailoverAuditLog(PathDb))
        {
            await log.InitializeAsync(default);
            await log.AppendAsync(Record("public-web", 1, "st-bruno"), default);
        }
        using var c = new SqliteConnection($"Data Source={PathDb};Pooling=False");
        c.Open();
        foreach (var sql in new[] { "UPDATE failover_decisions SET active = 'evil';", "DELETE FROM failover_decisions;" })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            var ex = Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery());
            Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_RowWrittenBeforeTheVersionField_ReadsAsVersion1()
    {
        await using (var log = new SqliteFailoverAuditLog(PathDb)) await log.InitializeAsync(default);
        // A row exactly as the log wrote it before the evidence had a stored format of its own (no version field).
        using (var c = new SqliteConnection($"Data Source={PathDb};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO failover_decisions(grp, epoch, active, previous, mode, reason, decided_at, decision, evidence) VALUES ('public-web', 1, 'st-bruno', 'lanaudiere', 'automatic', 'primary-unreachable', 0, $d, $e);";
            cmd.Parameters.AddWithValue("$d", """{"schema":1,"group":"public-web","active":"st-bruno","previous":"lanaudiere","epoch":1,"mode":"automatic","reason":"primary-unreachable","decidedAt":"2026-11-21T14:05:00.000Z"}""");
            cmd.Parameters.AddWithValue("$e", """{"trigger":"primary-unreachable","conditionSince":"2026-11-21T14:04:00.000Z","observedAt":"2026-11-21T14:05:00.000Z","primaryReachable":false,"primaryChecksCritical":false,"primaryOnBattery":true,"primaryRuntimeSeconds":1200.5,"secondaryHealthy":true,"witnessHolds":true,"facts":["lanaudiere/pve1 offline"]}""");
            cmd.ExecuteNonQuery();
        }
        await using var reopened = new SqliteFailoverAuditLog(PathDb);
        await reopened.InitializeAsync(default);

        var row = Assert.Single(await reopened.ListAsync("public-web", 10, default));

        Assert.Equal((1L, "st-bruno", new DateTimeOffset(2026, 11, 21, 14, 5, 0, TimeSpan.Zero)), (row.Decision.Epoch, row.Decision.Active, row.Decision.DecidedAt));
        Assert.Equal(1, row.Evidence.Version);
        Assert.Equal(("primary-unreachable", new DateTimeOffset(2026, 11, 21, 14, 4, 0, TimeSpan.Zero), true, 1200.5, true),
            (row.Evidence.Trigger, row.Evidence.ConditionSince, row.Evidence.PrimaryOnBattery, row.Evidence.PrimaryRuntimeSeconds, row.Evidence.WitnessHolds));
        Assert.Equal(["lanaudiere/pve1 offline"], row.Evidence.Facts);
        Assert.Equal(1, (await reopened.LoadResumePointsAsync(default))["public-web"].LastApplied!.Decision.Epoch);
    }

    [Fact]
    public async Task Append_EvidenceColumn_CarriesItsFormatVersion()
    {
        await using (var log = new SqliteFailoverAuditLog(PathDb))
        {
            await log.InitializeAsync(default);
            await log.AppendAsync(Record("public-web", 1, "st-bruno"), default);
        }
        using var c = new SqliteConnection($"Data Source={PathDb};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT evidence FROM failover_decisions;";
        Assert.StartsWith("{\"version\":1,\"trigger\":\"primary-unreachable\"", (string)cmd.ExecuteScalar()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadResumePoints_Empty_NoGroups()
    {
        await using var log = new SqliteFailoverAuditLog(PathDb);
        await log.InitializeAsync(default);
        Assert.Empty(await log.LoadResumePointsAsync(default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}
