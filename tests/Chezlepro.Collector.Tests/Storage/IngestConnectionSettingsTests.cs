using Chezlepro.Collector.Storage.Postgres;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

public sealed class IngestConnectionSettingsTests
{
    [Fact]
    public void Skips_the_reset_on_reuse_and_prepares_when_the_string_says_nothing()
    {
        var s = IngestConnectionSettings.Apply(new NpgsqlConnectionStringBuilder("Host=127.0.0.1;Port=5432;Username=collector"));

        Assert.True(s.NoResetOnClose);
        Assert.Equal(IngestConnectionSettings.AutoPrepared, s.MaxAutoPrepare);
        Assert.Equal(2, s.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;NoResetOnClose=false")]
    [InlineData("Host=127.0.0.1;no reset on close=False")]
    public void Keeps_the_operators_reset_setting(string connectionString)
    {
        var s = IngestConnectionSettings.Apply(new NpgsqlConnectionStringBuilder(connectionString));

        Assert.False(s.NoResetOnClose);
    }

    [Fact]
    public void Keeps_the_operators_prepare_limit()
    {
        var s = IngestConnectionSettings.Apply(new NpgsqlConnectionStringBuilder("Host=127.0.0.1;Max Auto Prepare=5;Auto Prepare Min Usages=7"));

        Assert.Equal(5, s.MaxAutoPrepare);
        Assert.Equal(7, s.AutoPrepareMinUsages);
    }
}
