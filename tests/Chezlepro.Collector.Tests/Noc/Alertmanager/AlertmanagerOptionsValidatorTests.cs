using Chezlepro.Collector.Noc.Alertmanager;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc.Alertmanager;

public sealed class AlertmanagerOptionsValidatorTests
{
    private static IEnumerable<string> Failures(AlertmanagerOptions o) =>
        new AlertmanagerOptionsValidator().Validate(null, o).Failures ?? [];

    [Fact]
    public void Defaults_Off_Valid() => Assert.Empty(Failures(new AlertmanagerOptions()));

    [Theory]
    [InlineData("http://127.0.0.1:9093")]
    [InlineData("https://alertmanager.example/prefix/")]
    public void Url_AbsoluteHttp_Valid(string url) => Assert.Empty(Failures(new AlertmanagerOptions { Url = url }));

    [Theory]
    [InlineData("127.0.0.1:9093")]
    [InlineData("/api/v2/alerts")]
    [InlineData("ftp://alertmanager.example")]
    [InlineData("http://alertmanager.example/?x=1")]
    [InlineData("not a url")]
    public void Url_Bad_KeyAndValueInTheMessage(string url)
    {
        var failure = Assert.Single(Failures(new AlertmanagerOptions { Url = url }));
        Assert.StartsWith($"Noc:Alertmanager:Url = '{url}'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_WithUserInformation_RefusedWithoutShowingThePassword()
    {
        var failure = Assert.Single(Failures(new AlertmanagerOptions { Url = "http://noc:s3cret@127.0.0.1:9093" }));
        Assert.DoesNotContain("s3cret", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00.5")]
    [InlineData("00:10:01")]
    public void ResendInterval_OutOfRange(string interval) =>
        Assert.StartsWith("Noc:Alertmanager:ResendInterval = ", Assert.Single(Failures(new AlertmanagerOptions { ResendInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) })), StringComparison.Ordinal);

    [Fact]
    public void Credentials_PasswordWithoutUserOrBothKinds_RefusedWithoutShowingSecrets()
    {
        var noUser = Assert.Single(Failures(new AlertmanagerOptions { Url = "http://a", Password = "pw-secret" }));
        var both = Assert.Single(Failures(new AlertmanagerOptions { Url = "http://a", Username = "noc", Password = "pw-secret", BearerToken = "tok-secret" }));

        Assert.DoesNotContain("secret", noUser + both, StringComparison.Ordinal);
        Assert.Contains("Noc:Alertmanager:BearerToken", both, StringComparison.Ordinal);
    }
}
