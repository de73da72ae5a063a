using Chezlepro.Collector.Options;
using Xunit;

namespace Chezlepro.Collector.Tests.Options;

public sealed class CollectorGroupOptionTests
{
    private static List<string> Problems(string? group, string store = "postgres")
    {
        var result = new CollectorOptionsValidator().Validate(null, new CollectorOptions { Store = store, ConnectionString = "Host=db", Group = group });
        return result.Failures?.ToList() ?? [];
    }

    [Theory]
    [InlineData(null)]
    [InlineData("collectors")]
    [InlineData("ovh-east_2.a")]
    public void Validate_AbsentOrShareName_Accepted(string? group) => Assert.Empty(Problems(group));

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a+")]
    [InlineData("#")]
    [InlineData("two words")]
    [InlineData("é")]
    public void Validate_NotAShareName_RefusedWithKeyAndValue(string group) =>
        Assert.Contains($"Collector:Group = '{group}': must be 1-64 characters of [A-Za-z0-9_.-] (an MQTT share name)"
            + " / doit compter de 1 à 64 caractères parmi [A-Za-z0-9_.-] (un nom de partage MQTT).", Problems(group));

    [Fact]
    public void Validate_TooLong_Refused() => Assert.Single(Problems(new string('g', 65)));

    [Fact]
    public void Validate_GroupOnSqlite_RefusedBecauseEachWouldLead() =>
        Assert.Equal(
            ["Collector:Group = 'collectors': needs Collector:Store = 'postgres' (SQLite serves one collector) / exige Collector:Store = 'postgres' (SQLite ne sert qu’un collecteur)."],
            Problems("collectors", "sqlite"));
}
