using Chezlepro.Collector.Storage.Sqlite;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

public sealed class SqliteLeadershipTests
{
    [Fact]
    public async Task HoldAsync_SingleCollector_AlwaysLeadsAndNotShared()
    {
        var single = new SqliteLeadership();
        Assert.False(single.Shared);
        Assert.True(await single.HoldAsync(default));
        Assert.True(single.IsLeader);
    }
}
