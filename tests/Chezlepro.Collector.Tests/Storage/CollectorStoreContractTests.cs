using Chezlepro.Collector.Incidents;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Contracts.Messages;
using Chezlepro.Collector.Maintenance;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>
/// The store contract: every implementation of <see cref="ICollectorStore"/> runs these tests. Messages go in through
/// <see cref="ICollectorStore.StoreBatchAsync"/>, the only way production stores them, one item per batch unless a
/// test is about batches.
/// </summary>
public abstract partial class CollectorStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private ICollectorStore _store = null!;
    private long _seq;

    /// <summary>A new, empty store of the implementation under test (same backing data on every call).</summary>
    protected abstract Task<ICollectorStore> OpenAsync();

    /// <summary>Removes what <see cref="OpenAsync"/> created.</summary>
    protected abstract Task CleanUpAsync();

    public async Task InitializeAsync()
    {
        _store = await OpenAsync();
        await _store.InitializeAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await CleanUpAsync();
    }

    [Fact]
    public async Task Health_SameStatusRepeated_OneIntervalWithLastSeen()
    {
        for (var i = 0; i < 100; i++) await Health("ceph", HealthStatus.Ok, T0.AddSeconds(30 * i));
        var rows = await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default);
        var only = Assert.Single(rows);
        Assert.Equal((HealthStatus.Ok, T0, T0.AddSeconds(30 * 99), (DateTimeOffset?)null), (only.Status, only.From, only.LastSeen, only.To));
    }

    [Fact]
    public async Task Health_StatusChanges_IntervalsCloseAtChange()
    {
        await Health("ceph", HealthStatus.Ok, T0);
        await Health("ceph", HealthStatus.Critical, T0.AddMinutes(5));
        await Health("ceph", HealthStatus.Critical, T0.AddMinutes(6));
        await Health("ceph", HealthStatus.Ok, T0.AddMinutes(10));
        var rows = await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default);
        Assert.Equal(
            [(HealthStatus.Ok, T0, (DateTimeOffset?)T0.AddMinutes(5)), (HealthStatus.Critical, T0.AddMinutes(5), T0.AddMinutes(10)), (HealthStatus.Ok, T0.AddMinutes(10), null)],
            rows.Select(r => (r.Status, r.From, r.To)));
    }

    [Fact]
    public async Task Health_LateResultBetweenTwoConfirmations_TakesItsPlace()
    {
        await Health("ceph", HealthStatus.Ok, T0);
        await Health("ceph", HealthStatus.Ok, T0.AddHours(2));
        // Replayed after a WAN outage: an hour in, the check had gone critical. It was dropped before (older than the
        // last confirmation), which erased the outage; it now holds from its time until the next result.
        await Health("ceph", HealthStatus.Critical, T0.AddHours(1));
        var ceph = (await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default)).Where(r => r.Check == "ceph").ToList();
        Assert.Equal(
            [(HealthStatus.Ok, T0, (DateTimeOffset?)T0.AddHours(1)), (HealthStatus.Critical, T0.AddHours(1), T0.AddHours(2)), (HealthStatus.Ok, T0.AddHours(2), null)],
            ceph.Select(r => (r.Status, r.From, r.To)));

        await Health("pbs.backup.vm-101", HealthStatus.Ok, T0);
        await Health("pbs.backup.vm-101", HealthStatus.Ok, T0.AddHours(3));
        await Health("pbs.backup.vm-101", HealthStatus.Critical, T0.AddHours(4));
        await Health("pbs.backup.vm-101", HealthStatus.Critical, T0.AddHours(3.5));
        var rows = (await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default)).Where(r => r.Check == "pbs.backup.vm-101").ToList();
        Assert.Equal(
            [(HealthStatus.Ok, T0, (DateTimeOffset?)T0.AddHours(3)), (HealthStatus.Ok, T0.AddHours(3), T0.AddHours(3.5)),
                (HealthStatus.Critical, T0.AddHours(3.5), T0.AddHours(4)), (HealthStatus.Critical, T0.AddHours(4), null)],
            rows.Select(r => (r.Status, r.From, r.To)));
    }

    [Fact]
    public async Task Health_SilenceInsideARun_EndsTheRun()
    {
        for (var i = 0; i < 10; i++) await Health("ceph", HealthStatus.Ok, T0.AddSeconds(30 * i));
        for (var i = 0; i < 10; i++) await Health("ceph", HealthStatus.Ok, T0.AddHours(12).AddSeconds(30 * i));

        var rows = await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default);

        Assert.Equal([(T0, T0.AddSeconds(270), (DateTimeOffset?)T0.AddHours(12)), (T0.AddHours(12), T0.AddHours(12).AddSeconds(270), null)],
            rows.Select(r => (r.From, r.LastSeen, r.To)));
    }

    [Fact]
    public async Task Health_SameResultsInAnyOrder_SameIntervals()
    {
        var statuses = new[] { HealthStatus.Ok, HealthStatus.Ok, HealthStatus.Critical, HealthStatus.Critical, HealthStatus.Ok, HealthStatus.Unknown };
        var gaps = new[] { 30, 30, 600, 30, 30, 4000, 30, 60, 90, 91, 30, 30 };
        var results = new List<(HealthStatus Status, DateTimeOffset Ts)>();
        var t = T0;
        for (var i = 0; i < 40; i++)
        {
            t = t.AddSeconds(gaps[i % gaps.Length]);
            results.Add((statuses[(i / 3) % statuses.Length], t));
        }
        for (var i = 0; i < results.Count; i++) await Health("a", results[i].Status, results[i].Ts, 1000 + i);
        var shuffled = results.Select((r, i) => (r, i)).OrderBy(x => (x.i * 7919) % results.Count).ToList();
        foreach (var (r, i) in shuffled) await Health("b", r.Status, r.Ts, 2000 + i);

        var rows = await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default);

        var a = rows.Where(r => r.Check == "a").Select(r => (r.Status, r.From, r.LastSeen, r.To)).ToList();
        Assert.True(a.Count > 5);
        Assert.Equal(a, rows.Where(r => r.Check == "b").Select(r => (r.Status, r.From, r.LastSeen, r.To)));
    }

    [Fact]
    public async Task IncidentSpans_SavedThenMoved_KeepTheirId()
    {
        await _store.SaveIncidentSpansAsync([new IncidentSpan("mail-1", "mail", T0, null), new IncidentSpan("wiki-1", "wiki", T0, T0.AddHours(1))], default);
        await _store.SaveIncidentSpansAsync([new IncidentSpan("mail-1", "mail", T0.AddMinutes(-40), T0.AddHours(2))], default);

        var spans = (await _store.GetIncidentSpansAsync(default)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

        Assert.Equal([new IncidentSpan("mail-1", "mail", T0.AddMinutes(-40), T0.AddHours(2)), new IncidentSpan("wiki-1", "wiki", T0, T0.AddHours(1))], spans);
    }

    [Fact]
    public async Task RebuildIntervals_RecomputesFromStoredResults()
    {
        await Health("ceph", HealthStatus.Ok, T0);
        await Health("ceph", HealthStatus.Critical, T0.AddMinutes(1));
        await Health("ceph", HealthStatus.Ok, T0.AddMinutes(2));
        var before = await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default);

        var summary = await _store.RebuildIntervalsAsync(default);

        Assert.Equal(new IntervalRebuildSummary(1, 3, 3), summary);
        Assert.Equal(before.Select(r => (r.Status, r.From, r.LastSeen, r.To)),
            (await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default)).Select(r => (r.Status, r.From, r.LastSeen, r.To)));
    }

    [Fact]
    public async Task Store_SameSeqTwice_SecondIsDuplicate_NoSecondInterval()
    {
        var r = Result("ceph", HealthStatus.Ok, T0, seq: 5);
        Assert.Equal(StoreOutcome.Inserted, await _store.StoreOneAsync(IngestItems.Of(r), T0));
        Assert.Equal(StoreOutcome.Duplicate, await _store.StoreOneAsync(IngestItems.Of(r), T0));
        Assert.Single(await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default));
        Assert.Equal([5L], await _store.GetSeqsAsync("lanaudiere", "pve1", default));
    }

    [Fact]
    public async Task Status_SessionRule_StaleWillIgnored_OfflineWinsWithinSession()
    {
        Assert.Equal(StoreOutcome.StatusApplied, await Status(true, 5));
        Assert.Equal(StoreOutcome.StatusStale, await Status(false, 4));
        Assert.True((await _store.GetNodesAsync(default)).Single().Online);
        Assert.Equal(StoreOutcome.StatusApplied, await Status(false, 5));
        Assert.Equal(StoreOutcome.StatusStale, await Status(true, 5));
        Assert.False((await _store.GetNodesAsync(default)).Single().Online);
        Assert.Equal(StoreOutcome.StatusApplied, await Status(true, 6));
        Assert.True((await _store.GetNodesAsync(default)).Single().Online);
    }

    [Fact]
    public async Task Telemetry_LateBatch_DoesNotOverwriteFresherLatest()
    {
        await Telemetry(2, T0.AddMinutes(10), 80);
        await Telemetry(1, T0, 95);
        var latest = (await _store.GetLatestAsync("lanaudiere", "pve1", default))!.Value;
        Assert.Equal(80, latest.Metrics.Single().Value);
    }

    [Fact]
    public async Task Reopen_SchemaKept_NoMigrationRerun()
    {
        await Health("ceph", HealthStatus.Ok, T0);
        await _store.DisposeAsync();
        _store = await OpenAsync();
        await _store.InitializeAsync(default);
        Assert.Single(await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default));
    }

    [Fact]
    public async Task Operations_WindowsAcksClosedMonths_FirstWriteStands()
    {
        var w = new MaintenanceWindow("mw-1", T0, T0.AddHours(2), ["mail", "wiki"], "Mise à jour", T0.AddDays(-1), null);
        await _store.SaveMaintenanceWindowAsync(w, default);
        await _store.SaveMaintenanceWindowAsync(w with { EndedEarlyAt = T0.AddHours(1) }, default);
        var stored = Assert.Single(await _store.GetMaintenanceWindowsAsync(default));
        Assert.Equal(["mail", "wiki"], stored.Services);
        Assert.Equal(T0.AddHours(1), stored.EndedEarlyAt);

        Assert.True(await _store.AcknowledgeAsync("mail-1", "operator", T0, default));
        Assert.False(await _store.AcknowledgeAsync("mail-1", "operator", T0.AddHours(1), default));
        Assert.Equal(T0, (await _store.GetAcknowledgementsAsync(default))["mail-1"]);

        Assert.Null(await _store.GetClosedReportAsync("2026-10", default));
        Assert.True(await _store.CloseMonthAsync("2026-10", "{\"a\":1}", "operator", T0, default));
        Assert.False(await _store.CloseMonthAsync("2026-10", "{\"a\":2}", "operator", T0, default));
        Assert.Equal("{\"a\":1}", await _store.GetClosedReportAsync("2026-10", default));
    }

    [Fact]
    public async Task StoreBatch_MixedItems_OneTransaction_OutcomesPerItem()
    {
        var h1 = Result("ceph", HealthStatus.Ok, T0, 1);
        var h2 = Result("ceph", HealthStatus.Critical, T0.AddMinutes(1), 2);
        var birth = new StatusMessage { Site = "lanaudiere", Node = "pve1", Online = true, Session = 3, Ts = T0 };
        var stale = new StatusMessage { Site = "lanaudiere", Node = "pve1", Online = false, Session = 2, Ts = T0, Reason = "lost" };
        var outcomes = await _store.StoreBatchAsync(
            [IngestItems.Of(h1), IngestItems.Of(h2), IngestItems.Of(h1), IngestItems.Of(birth), IngestItems.Of(stale)],
            T0, default);
        Assert.Equal([StoreOutcome.Inserted, StoreOutcome.Inserted, StoreOutcome.Duplicate, StoreOutcome.StatusApplied, StoreOutcome.StatusStale], outcomes);
        Assert.Equal(2, (await _store.GetCheckIntervalsAsync(T0, T0.AddDays(1), default)).Count);
        Assert.True((await _store.GetNodesAsync(default)).Single().Online);
    }

    [Fact]
    public async Task Health_PbsBackup_EachDistinctLastBackupKeptAsAPoint()
    {
        for (var i = 0; i < 6; i++)
        {
            // Polled every 10 min, a new backup every 30 min: three distinct lastBackupAt values in six results.
            var backup = T0.AddMinutes(30 * (i / 3));
            var r = Result("pbs.backup.vm-101", HealthStatus.Ok, T0.AddMinutes(10 * i), 100 + i) with
            {
                Details = new System.Text.Json.Nodes.JsonObject { ["lastBackupAt"] = backup.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) },
            };
            await _store.StoreOneAsync(IngestItems.Of(r), r.Ts);
        }
        var points = await _store.GetBackupPointsAsync(T0.AddDays(-1), default);
        Assert.Equal([T0, T0.AddMinutes(30)], points.Select(p => p.LastBackupAt));
        Assert.Equal(T0, points[0].ObservedAt);
        Assert.Empty(await _store.GetBackupPointsAsync(T0.AddHours(1), default));
    }

    [Fact]
    public async Task Alerts_And_Prune_RawMessagesGo_IntervalsStay()
    {
        await Health("ceph", HealthStatus.Ok, T0);
        await Health("ceph", HealthStatus.Critical, T0.AddDays(10));
        Assert.Equal(1, await _store.PruneTelemetryAsync(T0.AddDays(5), default));
        Assert.Equal(2, (await _store.GetCheckIntervalsAsync(T0, T0.AddDays(20), default)).Count);
    }

    private Task<StoreOutcome> Status(bool online, long session) =>
        _store.StoreOneAsync(IngestItems.Of(new StatusMessage { Site = "lanaudiere", Node = "pve1", Online = online, Session = session, Ts = T0, Reason = online ? null : "lost" }), T0);

    private async Task Telemetry(long seq, DateTimeOffset ts, double soc)
    {
        var b = new TelemetryBatch { Site = "lanaudiere", Node = "pve1", Seq = seq, Ts = ts, Source = "victron", Samples = [new Sample("battery.soc", soc, "%")] };
        Assert.Equal(StoreOutcome.Inserted, await _store.StoreOneAsync(IngestItems.Of(b), ts));
    }

    private async Task Health(string check, HealthStatus status, DateTimeOffset ts, long? seq = null)
    {
        var r = Result(check, status, ts, seq ?? ++_seq);
        Assert.Equal(StoreOutcome.Inserted, await _store.StoreOneAsync(IngestItems.Of(r), ts));
    }

    private static HealthResult Result(string check, HealthStatus status, DateTimeOffset ts, long seq) =>
        new() { Site = "lanaudiere", Node = "pve1", Seq = seq, Ts = ts, Check = check, Status = status, Summary = status.ToString() };
}
