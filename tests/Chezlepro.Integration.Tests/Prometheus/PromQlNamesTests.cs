using Xunit;

namespace Chezlepro.Integration.Tests.Prometheus;

public sealed class PromQlNamesTests
{
    [Theory]
    [InlineData("up", "up")]
    [InlineData("max by (site, node) (chezlepro_node_online{job=\"x\", site=~\"$site\"})", "chezlepro_node_online")]
    [InlineData("rate(a_total{l=\"b c\"}[5m]) * 60 > 1", "a_total")]
    [InlineData("increase(a_total[10m]) > 0 and on (instance, sink) increase(b_total[$__rate_interval]) == 0", "a_total,b_total")]
    [InlineData("(sum(x) or vector(0)) < 1", "x")]
    [InlineData("a < 14 * 86400 unless on(instance) b == 1e3", "a,b")]
    [InlineData("label_replace(m, \"probe\", \"$1\", \"metric\", \"p[.](.+)\")", "m")]
    [InlineData("count(count by (site) (chezlepro_node_online{job=\"c\", site=~\"${site}\"})) offset 5m", "chezlepro_node_online")]
    [InlineData("site:chezlepro_node_online:sum", "site:chezlepro_node_online:sum")]
    public void Of_Expression_MetricNamesOnly(string expression, string expected) =>
        Assert.Equal(expected.Split(','), PromQlNames.Of(expression).Names);

    [Fact]
    public void Selectors_JobMatcher_KeptPerName()
    {
        var (selectors, _) = PromQlNames.Selectors("a{job=\"x\", site=~\"$site\"} unless on (instance) b{ job = \"y\" } == 1 and c and d{myjob=\"z\"}");

        Assert.Equal([("a", (string?)"x"), ("b", "y"), ("c", null), ("d", null)], selectors);
    }

    [Fact]
    public void Of_NameMatcher_IsAPattern()
    {
        var (names, patterns) = PromQlNames.Of("{__name__=~\"chezlepro_probe_.+_left\", job=\"a\"} < 3");

        Assert.Empty(names);
        Assert.Matches(Assert.Single(patterns), "chezlepro_probe_web_left");
        Assert.DoesNotMatch(patterns[0], "x_chezlepro_probe_web_left");
    }

    [Theory]
    [InlineData("sum(rate(a[5m])")]
    [InlineData("a{job=\"x\"")]
    [InlineData("a{job=\"x}")]
    [InlineData("rate(a[5m)]")]
    [InlineData("a)")]
    public void Of_BrokenExpression_Throws(string expression) =>
        Assert.Throws<FormatException>(() => PromQlNames.Of(expression));
}
