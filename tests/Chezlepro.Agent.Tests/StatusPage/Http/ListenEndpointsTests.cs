using System.Net;
using Chezlepro.Agent.StatusPage.Http;
using Xunit;

namespace Chezlepro.Agent.Tests.StatusPage.Http;

public class ListenEndpointsTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", "0.0.0.0:8080")]
    [InlineData("http://*:8080", "[::]:8080")]
    [InlineData("http://+:80/", "[::]:80")]
    [InlineData("http://localhost:9000", "127.0.0.1:9000")]
    [InlineData("http://[::1]:8080", "[::1]:8080")]
    [InlineData("http://192.168.10.4:8080", "192.168.10.4:8080")]
    public void Parse_Accepted_Endpoint(string urls, string expected)
    {
        var endpoints = ListenEndpoints.Parse(urls, out var problems);
        Assert.Empty(problems);
        Assert.Equal(IPEndPoint.Parse(expected), Assert.Single(endpoints));
    }

    [Fact]
    public void Parse_SeveralAndBlank_AllOrNone()
    {
        Assert.Equal(2, ListenEndpoints.Parse("http://127.0.0.1:8080; http://[::1]:8080", out _).Count);
        Assert.Empty(ListenEndpoints.Parse("  ", out var problems));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("https://0.0.0.0:8443", "https is not served")]
    [InlineData("ftp://0.0.0.0:21", "must start with http:// / doit commencer par http://")]
    [InlineData("http://0.0.0.0", "expected http://<address>:<port>")]
    [InlineData("http://0.0.0.0:0", "expected http://<address>:<port>")]
    [InlineData("http://0.0.0.0:70000", "expected http://<address>:<port>")]
    [InlineData("http://0.0.0.0:8080/status", "expected http://<address>:<port>")]
    [InlineData("http://node1.example:8080", "IP literal")]
    [InlineData("http://12:8080", "IP literal")]
    public void Parse_Refused_ProblemNamesKeyAndValue(string urls, string why)
    {
        Assert.Empty(ListenEndpoints.Parse(urls, out var problems));
        var problem = Assert.Single(problems);
        Assert.StartsWith($"StatusPage:Urls = '{urls}': ", problem, StringComparison.Ordinal);
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }
}
