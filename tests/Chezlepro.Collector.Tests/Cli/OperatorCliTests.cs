using System.Net;
using System.Net.Sockets;
using Chezlepro.Collector.Cli;
using Xunit;

namespace Chezlepro.Collector.Tests.Cli;

/// <summary>Exit codes that need no collector: usage (2), no key (77), unreachable (69), help (0). The key is never printed.</summary>
public sealed class OperatorCliTests
{
    private const string Key = "operator-key-never-printed-0123";

    private static async Task<(int Code, string Out, string Err)> RunAsync(Dictionary<string, string> env, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await OperatorCli.RunAsync(args, name => env.GetValueOrDefault(name), output, errors, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    [Theory]
    [InlineData("incidents", "close", "x")]
    [InlineData("sla", "show", "2026-1")]
    [InlineData("delivery", "site-without-node")]
    [InlineData("sla", "show", "2026-10", "--url", "not a url")]
    public async Task BadInput_Exit2_UsageOnStderr(params string[] args)
    {
        var (code, output, errors) = await RunAsync(new() { ["CHEZLEPRO_API_KEY"] = Key }, args);
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Empty(output);
        Assert.Contains("sla show <aaaa-mm>", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommandWord_Exit2()
    {
        var (code, _, errors) = await RunAsync([], "--tsv");
        Assert.Equal(CliExitCode.Usage, code);
        Assert.Contains("Codes de sortie", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "sla")]
    [InlineData(true, "delivery", "a/b")]
    [InlineData(true, "--help")]
    [InlineData(false)]
    [InlineData(false, "check-config")]
    [InlineData(false, "--config", "x.json")]
    public void Handles_OnlyOperatorCommandsAndHelp(bool expected, params string[] args) => Assert.Equal(expected, OperatorCli.Handles(args));

    [Fact]
    public async Task Help_Exit0_EnglishOnRequest()
    {
        var (code, output, _) = await RunAsync([], "--help", "--lang", "en");
        Assert.Equal(CliExitCode.Ok, code);
        Assert.Contains("Exit codes: 0 ok, 1 API error, 2 usage, 69 collector unreachable, 77 key missing or refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoKey_Exit77_BeforeAnyCall()
    {
        var (code, _, errors) = await RunAsync(new() { ["CHEZLEPRO_API_KEY"] = "  " }, "sla", "show", "2026-10");
        Assert.Equal(CliExitCode.NoPermission, code);
        Assert.Contains("CHEZLEPRO_API_KEY", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_Exit69_KeyNotPrinted()
    {
        // A port that was just free: nothing listens, the connection is refused at once.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var (code, output, errors) = await RunAsync(new() { ["CHEZLEPRO_API_KEY"] = Key, ["CHEZLEPRO_URL"] = $"http://127.0.0.1:{port}" },
            "incidents", "list", "--lang", "en");
        Assert.Equal(CliExitCode.Unreachable, code);
        Assert.Contains($"Collector unreachable at http://127.0.0.1:{port}/", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output + errors, StringComparison.Ordinal);
    }
}
