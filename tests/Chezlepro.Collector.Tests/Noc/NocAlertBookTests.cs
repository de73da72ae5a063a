using Chezlepro.Collector.Noc;
using Chezlepro.Contracts.Messages;
using Chezlepro.Testing;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc;

public sealed class NocAlertBookTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly NocAlertBook _book = new(flapTransitions: 4, flapWindow: TimeSpan.FromMinutes(10));

    private NocAlert Alert(bool raised, string text = "Panne") => new()
    {
        Id = "agent:lanaudiere/pve1/grid-lost", State = raised ? AlertState.Raised : AlertState.Cleared, Priority = Priority.P2,
        Summary = text, SummaryEn = text + " en", Ts = _time.GetUtcNow(),
    };

    private IReadOnlyList<NocAlert> Offer(bool raised, string text = "Panne") => _book.Offer(Alert(raised, text), _time.GetUtcNow());

    [Fact]
    public void Offer_RepeatedRaise_PublishedOnce()
    {
        Assert.Single(Offer(true));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(Offer(true));
        Assert.Empty(Offer(true));
    }

    [Fact]
    public void Offer_ClearNeverRaised_Dropped()
    {
        Assert.Empty(Offer(false));
        Assert.Empty(_book.Views(null));
    }

    [Fact]
    public void Offer_RaiseThenClear_PairPublishedThenRepeatsDropped()
    {
        Assert.Equal(AlertState.Raised, Assert.Single(Offer(true)).State);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertState.Cleared, Assert.Single(Offer(false)).State);
        Assert.Empty(Offer(false));
        Assert.Equal("cleared", Assert.Single(_book.Views(AlertState.Cleared)).State);
        Assert.Empty(_book.Views(AlertState.Raised));
    }

    [Fact]
    public void Offer_TextChangesWhileRaised_Republished()
    {
        Offer(true, "Panne, 40 min");
        Assert.Single(Offer(true, "Panne, 20 min"));
    }

    [Fact]
    public void Offer_FlappingSource_HeldRaisedUntilQuietThenRealState()
    {
        var published = new List<NocAlert>();
        for (var i = 0; i < 10; i++)
        {
            published.AddRange(Offer(i % 2 == 0));
            _time.Advance(TimeSpan.FromSeconds(30));
        }
        // raise, clear, raise, clear published; the 5th change makes it flapping: held raised from then on.
        Assert.Equal([AlertState.Raised, AlertState.Cleared, AlertState.Raised, AlertState.Cleared, AlertState.Raised], published.Select(a => a.State));
        var view = Assert.Single(_book.Views(null));
        Assert.True(view.Flapping);
        Assert.Equal("raised", view.State);
        Assert.Equal("cleared", view.SourceState);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(_book.Tick(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(1));
        var released = Assert.Single(_book.Tick(_time.GetUtcNow()));
        Assert.Equal(AlertState.Cleared, released.State);
        Assert.False(Assert.Single(_book.Views(null)).Flapping);
    }

    [Fact]
    public void Offer_SlowChanges_NeverFlapping()
    {
        var count = 0;
        for (var i = 0; i < 12; i++)
        {
            count += Offer(i % 2 == 0).Count;
            _time.Advance(TimeSpan.FromMinutes(3));
        }
        Assert.Equal(12, count);
        Assert.False(Assert.Single(_book.Views(null)).Flapping);
    }

    [Fact]
    public void Constructor_ZeroTransitions_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NocAlertBook(0));
}
