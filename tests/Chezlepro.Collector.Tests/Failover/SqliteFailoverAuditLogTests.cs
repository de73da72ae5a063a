using Chezlepro.Collector.Failover;
using Chezlepro.Contracts.Messages;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Chezlepro.Collector.Tests.Failover;

public sealed class SqliteFailoverAuditLogTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("failover-audit-").FullName;
    private string PathDb => System.IO.Path.Combine(_dir, "failover.db");

    private static FailoverRecord Record(string group, long epoch, string active, string mode = "automatic") => new(
        new FailoverDecision { Group = group, Active = active, Previous = "x", Epoch = epoch, Mode = mode, Reason = FailoverReasons.PrimaryUnreachable,
            DecidedAt = new DateTimeOffset(2026, 11, 21, 14, 5, 0, TimeSpan.Zero).AddMinutes(epoch) },
        new FailoverEvidence(FailoverReasons.PrimaryUnreachable, new DateTimeOffset(2026, 11, 21, 14, 4, 0, TimeSpan.Zero), null, false, false, false, 1200.5, true, true, null, ["lanaudiere/pve1 offline"]));

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
