using System.Text.Json.Nodes;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Storage;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

/// <summary>What every evidence store must do through the journal; one subclass per store.</summary>
public abstract class EvidenceJournalContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private IEvidenceStore? _store;

    /// <summary>A fresh, empty store (not initialised) on the same backing each time it is asked within a test.</summary>
    protected abstract Task<IEvidenceStore> CreateStoreAsync();

    protected EvidenceJournal Journal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        Journal = new EvidenceJournal(_store);
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    protected static EvidenceEntry Entry(int i, string? client = "acme", string kind = EvidenceKinds.IncidentDetected, JsonObject? data = null) =>
        new(kind, T0.AddMinutes(i), client, $"inc-{i}", data ?? new JsonObject { ["service"] = $"svc-{i}", ["priority"] = "P2" });

    [Fact]
    public async Task Append_ChainsFromGenesis_AndReadsBackWithTheSameHashes()
    {
        var a = await Journal.AppendAsync(Entry(1), default);
        var b = await Journal.AppendAsync(Entry(2, "beta"), default);
        var c = await Journal.AppendAsync(Entry(3, null), default);
        Assert.Equal((1L, EvidenceCanonical.Genesis), (a.Seq, a.Prev));
        Assert.Equal((2L, a.Hash, 3L, b.Hash), (b.Seq, b.Prev, c.Seq, c.Prev));
        var all = await Journal.ListAsync(T0, T0.AddDays(1), null, default);
        Assert.Equal([a.Hash, b.Hash, c.Hash], all.Select(r => r.Hash));
        Assert.Null(EvidenceChain.FirstBreak(all, EvidenceCanonical.Genesis));
    }

    [Fact]
    public async Task Append_SameKindSubjectAt_ReturnsTheStoredRecord_NothingAdded()
    {
        var first = await Journal.AppendOnceAsync(Entry(1), default);
        await Journal.AppendAsync(Entry(2), default);
        var again = await Journal.AppendOnceAsync(Entry(1, data: new JsonObject { ["seen"] = "after restart" }), default);
        Assert.True(first.Appended);
        Assert.False(again.Appended);
        Assert.Equal(first.Record.Hash, again.Record.Hash);
        Assert.Equal(2, (await Journal.ListAsync(T0, T0.AddDays(1), null, default)).Count);
    }

    [Fact]
    public async Task Append_OutsideTheCanonicalForm_RefusedAndChainUntouched()
    {
        await Journal.AppendAsync(Entry(1), default);
        await Assert.ThrowsAsync<EvidenceFormatException>(() => Journal.AppendAsync(Entry(2, data: new JsonObject { ["x"] = 1e-9 }), default));
        var next = await Journal.AppendAsync(Entry(3), default);
        Assert.Equal(2, next.Seq);
    }

    [Fact]
    public async Task List_Client_OwnRecordsAndProviderFactsNamingIt()
    {
        await Journal.AppendAsync(Entry(1, "acme"), default);
        await Journal.AppendAsync(Entry(2, "beta"), default);
        await Journal.AppendAsync(Entry(3, null, EvidenceKinds.FailoverDecision, new JsonObject { ["clients"] = new JsonArray("acme", "beta") }), default);
        await Journal.AppendAsync(Entry(4, null, EvidenceKinds.FailoverDecision, new JsonObject { ["clients"] = new JsonArray("beta") }), default);
        var acme = await Journal.ListAsync(T0, T0.AddDays(1), "acme", default);
        Assert.Equal([1L, 3L], acme.Select(r => r.Seq));
        // A client id is matched whole: "acm" is not "acme".
        Assert.Empty(await Journal.ListAsync(T0, T0.AddDays(1), "acm", default));
    }

    [Fact]
    public async Task Bundle_ForAClient_OthersAsStubs_VerifiesAndShowsNothingOfThem()
    {
        for (var i = 1; i <= 6; i++) await Journal.AppendAsync(Entry(i, i % 3 == 0 ? "beta" : "acme"), default);
        await Journal.TakeHeadAsync(new DateOnly(2026, 11, 21), T0.AddHours(1), default);
        // Period covering records 2..5 only.
        var bundle = await Journal.BundleAsync("acme", T0.AddMinutes(2), T0.AddMinutes(6), default);
        Assert.Equal([2L, 3L, 4L, 5L], bundle.Items.Select(i => i.Seq));
        Assert.Null(bundle.Items.Single(i => i.Seq == 3).Record);
        var text = bundle.ToJsonLines();
        Assert.DoesNotContain("beta", text, StringComparison.Ordinal);
        Assert.DoesNotContain("svc-3", text, StringComparison.Ordinal);
        var v = EvidenceBundleVerifier.Verify(text.Split('\n'));
        Assert.True(v.Ok, v.Break?.Reason);
        Assert.Equal((3, 1), (v.Records, v.Stubs));
    }

    [Fact]
    public async Task Prune_RemovesOnlyAPrefix_RestVerifies_NextAppendStillLinks()
    {
        for (var i = 1; i <= 5; i++) await Journal.AppendAsync(Entry(i), default);
        // Record 6 is about an old fact (appended late): it stays, as the prefix ends at the first recent record.
        await Journal.AppendAsync(Entry(-60 * 24 * 400), default);
        Assert.Equal(3, await Journal.PruneAsync(T0.AddMinutes(4), default));
        var kept = await Journal.ListAsync(T0.AddYears(-2), T0.AddDays(1), null, default);
        Assert.Equal([4L, 5L, 6L], kept.Select(r => r.Seq));
        Assert.Null(EvidenceChain.FirstBreak(kept, kept[0].Prev));
        var bundle = await Journal.BundleAsync(null, T0.AddYears(-2), T0.AddDays(1), default);
        Assert.True(EvidenceBundleVerifier.Verify(bundle.ToJsonLines().Split('\n')).Ok);

        // Everything older: the chain's tail survives in its own row.
        Assert.Equal(3, await Journal.PruneAsync(T0.AddDays(1), default));
        var next = await Journal.AppendAsync(Entry(10), default);
        Assert.Equal((7L, kept[^1].Hash), (next.Seq, next.Prev));
    }

    [Fact]
    public async Task Heads_KeptOncePerDateAndRecord_ListedInOrder()
    {
        var empty = await Journal.TakeHeadAsync(new DateOnly(2026, 11, 20), T0, default);
        Assert.Equal((0L, EvidenceCanonical.Genesis), (empty.Records, empty.Head));
        var r = await Journal.AppendAsync(Entry(1), default);
        await Journal.TakeHeadAsync(new DateOnly(2026, 11, 21), T0.AddHours(10), default);
        await Journal.TakeHeadAsync(new DateOnly(2026, 11, 21), T0.AddHours(11), default);
        var heads = await Journal.HeadsAsync(default);
        Assert.Equal(2, heads.Count);
        Assert.Equal((new DateOnly(2026, 11, 21), 1L, r.Hash), (heads[1].Date, heads[1].Records, heads[1].Head));
    }

    [Fact]
    public async Task Latest_OfAKind()
    {
        Assert.Null(await Journal.LatestAsync(EvidenceKinds.ContractChanged, default));
        await Journal.AppendAsync(Entry(1, null, EvidenceKinds.ContractChanged), default);
        await Journal.AppendAsync(Entry(2, null, EvidenceKinds.ContractChanged), default);
        await Journal.AppendAsync(Entry(3), default);
        Assert.Equal(2, (await Journal.LatestAsync(EvidenceKinds.ContractChanged, default))!.Seq);
    }
}
