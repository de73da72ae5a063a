using System.Net;
using Chezlepro.Agent.StatusPage.Http;
using Xunit;

namespace Chezlepro.Agent.Tests.StatusPage.Http;

/// <summary>Who keeps a place on the status server when clients hold connections open.</summary>
public class ConnectionTableTests
{
    private static readonly IPAddress A = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress B = IPAddress.Parse("192.0.2.2");
    private static readonly IPAddress C = IPAddress.Parse("192.0.2.3");

    [Fact]
    public void Admit_AddressAtItsCap_EvictsItsOwnOldestWaiting()
    {
        var table = new ConnectionTable(total: 10, perAddress: 2);
        table.Admit(B, out _);
        var a1 = table.Admit(A, out _)!;
        table.Admit(A, out _);

        var a3 = table.Admit(A, out var evicted);

        Assert.NotNull(a3);
        Assert.Same(a1, evicted);
        Assert.Equal(3, table.Count);
        // B's connection, older than all of A's, stayed: B still has room for one more without evicting anything.
        Assert.NotNull(table.Admit(B, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Admit_TableFull_EvictsTheOldestWaitingOfAnyAddress()
    {
        var table = new ConnectionTable(total: 3, perAddress: 3);
        var a1 = table.Admit(A, out _)!;
        table.Admit(B, out _);
        table.Admit(A, out _);

        table.Admit(C, out var evicted);

        Assert.Same(a1, evicted);
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void Admit_OldestIsAnswering_SkipsIt()
    {
        var table = new ConnectionTable(total: 2, perAddress: 2);
        var a1 = table.Admit(A, out _)!;
        var a2 = table.Admit(A, out _)!;
        table.MarkAnswering(a1);

        table.Admit(B, out var evicted);

        Assert.Same(a2, evicted);
    }

    [Fact]
    public void Admit_EveryoneAnswering_RefusesTheNewcomer()
    {
        var table = new ConnectionTable(total: 2, perAddress: 1);
        table.MarkAnswering(table.Admit(A, out _)!);
        table.MarkAnswering(table.Admit(B, out _)!);

        Assert.Null(table.Admit(C, out var evictedForFull));
        Assert.Null(evictedForFull);
        Assert.Null(table.Admit(A, out var evictedForCap));
        Assert.Null(evictedForCap);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Admit_IPv4MappedAddress_CountsAsItsIPv4()
    {
        var table = new ConnectionTable(total: 10, perAddress: 1);
        var plain = table.Admit(A, out _)!;

        table.Admit(A.MapToIPv6(), out var evicted);

        Assert.Same(plain, evicted);
    }

    [Fact]
    public void Remove_Twice_CountsOnce()
    {
        var table = new ConnectionTable(total: 10, perAddress: 1);
        var a1 = table.Admit(A, out _)!;
        var a2 = table.Admit(A, out var evicted)!;
        Assert.Same(a1, evicted);

        // The evicted connection's own ending removes it again: a no-op, not a second decrement of A's count.
        table.Remove(a1);
        table.Admit(B, out var none);

        Assert.Null(none);
        Assert.Equal(2, table.Count);
        table.Remove(a2);
        Assert.NotNull(table.Admit(A, out var stillNone));
        Assert.Null(stillNone);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Create_NonPositiveLimit_Throws(int total, int perAddress) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectionTable(total, perAddress));
}
