using Chezlepro.Collector.RestoreTests;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The restore-test store, same contract on SQLite and PostgreSQL: added once per key, read back whole by period, after a reopen.</summary>
public abstract class RestoreTestStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);

    /// <summary>Opens the store (a second call: the same data, a new instance).</summary>
    protected abstract Task<IRestoreTestStore> OpenAsync();

    /// <summary>Releases the store of one open.</summary>
    protected abstract ValueTask CloseAsync(IRestoreTestStore store);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    internal static RestoreTest Scheduled(DateTimeOffset startedAt, string outcome = RestoreOutcomes.Ok) =>
        new(RestoreTestOrigins.Schedule, "OBNL Alpha", "vm-101", "mail-a", "mail-files", "vm/101/2026-11-03T02:00:00Z", "root.pxar", 1_234_567, 42.125, outcome,
            startedAt, null, null, null) { Sha256 = new string('a', 64), Site = "ovh", Node = "pbs1" };

    internal static RestoreTest Requested(DateTimeOffset requestedAt, DateTimeOffset startedAt) =>
        new(RestoreTestOrigins.Request, "OBNL Alpha", "vm-101", "mail-a", null, null, null, null, 600, RestoreOutcomes.Mismatch, startedAt, requestedAt,
            "Alice Tremblay", "Fichier comptable de mars");

    [Fact]
    public async Task Tests_AddedOncePerKey_ReadBackWhole_ByStartOrRequest_SurviveReopen()
    {
        var store = await OpenAsync();
        var scheduled = Scheduled(T0);
        Assert.True(await store.AddAsync(scheduled, default));
        // The agent repeats its last run between runs: the same key again is not a second test, even with another outcome.
        Assert.False(await store.AddAsync(Scheduled(T0, RestoreOutcomes.Failed), default));
        var requested = Requested(T0.AddDays(-40), T0.AddDays(-2));
        Assert.True(await store.AddAsync(requested, default));
        Assert.False(await store.AddAsync(requested with { Notes = "encore" }, default));
        var bare = new RestoreTest(RestoreTestOrigins.Schedule, null, "", null, "x", null, null, null, 0, RestoreOutcomes.Timeout, T0.AddDays(1), null, null, null);
        Assert.True(await store.AddAsync(bare, default));
        await CloseAsync(store);

        store = await OpenAsync();
        Assert.Equal([requested, scheduled, bare], await store.ListAsync(T0.AddDays(-60), T0.AddDays(2), default));
        // Requested in the period but started before it, or started in it: both are returned; neither: nothing.
        Assert.Equal([requested], await store.ListAsync(T0.AddDays(-41), T0.AddDays(-39), default));
        Assert.Equal([scheduled], await store.ListAsync(T0, T0.AddSeconds(1), default));
        Assert.Empty(await store.ListAsync(T0.AddDays(-30), T0.AddDays(-3), default));
        await CloseAsync(store);
    }
}
