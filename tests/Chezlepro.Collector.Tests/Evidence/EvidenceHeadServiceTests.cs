using System.Text.Json.Nodes;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Loops;
using Chezlepro.Collector.Storage;
using Chezlepro.Contracts.Topics;
using Chezlepro.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

/// <summary>The daily head on the fake clock: at start, then once per Toronto day, across the autumn DST change (25 h day).</summary>
public sealed class EvidenceHeadServiceTests : SqliteEvidenceFixture
{
    private sealed class Leader(bool leads) : ILeadership
    {
        public bool Shared => true;

        public bool IsLeader { get; set; } = leads;

        public Task<bool> HoldAsync(CancellationToken cancellationToken) => Task.FromResult(IsLeader);
    }

    [Fact]
    public async Task Heads_AtStartThenAtEachTorontoMidnight_AcrossTheDstDay()
    {
        // 2026-11-01 is the 25-hour day in Toronto (EDT -4 -> EST -5 at 02:00).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 31, 20, 0, 0, TimeSpan.Zero)); // 16:00 EDT, Oct 31
        var journal = new EvidenceJournal(Store);
        var leader = new Leader(true);
        var service = new EvidenceHeadService(new EvidenceHeadPublisher(journal, null, new TopicScheme(), "ovh", time, NullLogger.Instance), journal,
            leader, Microsoft.Extensions.Options.Options.Create(new EvidenceOptions()), time, new LoopFailureCounters(), NullLogger<EvidenceHeadService>.Instance);

        await service.RunRoundAsync(default);
        await journal.AppendAsync(new EvidenceEntry(EvidenceKinds.PatchState, time.GetUtcNow(), null, "ovh/pve1", new JsonObject { ["pending"] = 3 }), default);
        // Oct 31 23:59 EDT = Nov 1 03:59Z: still Oct 31 in Toronto, nothing new.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 1, 3, 59, 0, TimeSpan.Zero));
        await service.RunRoundAsync(default);
        // Midnight EDT = 04:00Z: the head closing Oct 31.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 1, 4, 0, 30, TimeSpan.Zero));
        await service.RunRoundAsync(default);
        await service.RunRoundAsync(default);
        // Nov 1 lasts 25 h: at 04:00Z on Nov 2 it is still 23:00 EST Nov 1; midnight EST is 05:00Z.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 4, 30, 0, TimeSpan.Zero));
        await service.RunRoundAsync(default);
        await journal.AppendAsync(new EvidenceEntry(EvidenceKinds.PatchState, time.GetUtcNow(), null, "ovh/pve1", new JsonObject { ["pending"] = 0 }), default);
        time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 5, 0, 30, TimeSpan.Zero));
        await service.RunRoundAsync(default);

        var heads = await journal.HeadsAsync(default);
        Assert.Equal([("2026-10-31", 0L), ("2026-10-31", 1L), ("2026-11-01", 2L)], heads.Select(h => (h.Date.ToString("yyyy-MM-dd", null), h.Records)));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 5, 0, 30, TimeSpan.Zero), heads[^1].TakenAt);
    }

    [Fact]
    public async Task Follower_PublishesNothing_UntilItLeads()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var journal = new EvidenceJournal(Store);
        var leader = new Leader(false);
        var service = new EvidenceHeadService(new EvidenceHeadPublisher(journal, null, new TopicScheme(), "ovh", time, NullLogger.Instance), journal,
            leader, Microsoft.Extensions.Options.Options.Create(new EvidenceOptions()), time, new LoopFailureCounters(), NullLogger<EvidenceHeadService>.Instance);
        await service.RunRoundAsync(default);
        Assert.Empty(await journal.HeadsAsync(default));
        leader.IsLeader = true;
        await service.RunRoundAsync(default);
        Assert.Single(await journal.HeadsAsync(default));
    }

    [Theory]
    [InlineData("364.23:59:59", false)]
    [InlineData("365.00:00:00", true)]
    [InlineData("730.00:00:00", true)]
    public void Retention_UnderAYear_RefusedWithKeyAndValue(string retention, bool valid)
    {
        var result = new EvidenceOptionsValidator().Validate(null, new EvidenceOptions { Retention = TimeSpan.Parse(retention, null) });
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("Evidence:Retention = 364.23:59:59", result.FailureMessage, StringComparison.Ordinal);
    }
}
