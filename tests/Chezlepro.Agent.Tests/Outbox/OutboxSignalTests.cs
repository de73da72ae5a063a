using Chezlepro.Agent.Outbox;
using Chezlepro.Testing;
using Xunit;

namespace Chezlepro.Agent.Tests.Outbox;

public class OutboxSignalTests
{
    [Fact]
    public async Task WaitAsync_NotifiedBefore_ReturnsAtOnceAndConsumes()
    {
        var signal = new OutboxSignal();
        var clock = new FakeTimeProvider();
        signal.Notify();
        signal.Notify();
        await signal.WaitAsync(TimeSpan.FromMinutes(1), clock, default).WaitAsync(TimeSpan.FromSeconds(5));
        var second = signal.WaitAsync(TimeSpan.FromMinutes(1), clock, default);
        // A stored notification is taken before the wait arms its timeout, synchronously: this one found none and waits.
        Assert.False(second.IsCompleted, "two notifications before a wait collapse into one wake-up");
        Assert.Equal(1, clock.PendingTimers);
        // The clock has not moved, so only a new notification can end it, and it does: it was waiting for exactly that.
        signal.Notify();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_NothingAppended_ReturnsAtTheTimeoutWithoutThrowing()
    {
        var signal = new OutboxSignal();
        var clock = new FakeTimeProvider();
        var wait = signal.WaitAsync(TimeSpan.FromMinutes(1), clock, default);
        // Timers fire inside Advance: once it returns, a timeout due by 59 s has fired, whatever the machine's speed.
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, clock.PendingTimers);
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_Stopping_Throws()
    {
        var signal = new OutboxSignal();
        using var stop = new CancellationTokenSource();
        var wait = signal.WaitAsync(TimeSpan.FromMinutes(1), new FakeTimeProvider(), stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
