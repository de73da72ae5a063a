using Chezlepro.Integration.Tests.Support;
using Xunit;

namespace Chezlepro.Integration.Tests.Prometheus;

/// <summary>
/// packaging/prometheus as shipped: the configuration and the rules pass promtool's checks, every rule passes its
/// unit tests, every rule has one, and the Alertmanager example passes amtool.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PromtoolRulesTests : IDisposable
{
    private static readonly string Folder = Repository.Path("packaging", "prometheus");
    private static readonly string[] AmtoolCandidates = ["/usr/bin/amtool", "/usr/local/bin/amtool"];
    private readonly string _scratch = Directory.CreateTempSubdirectory("prometheus-config-").FullName;

    [Fact]
    public async Task PrometheusYml_WithItsKeyFile_PassesCheckConfig()
    {
        // The key file is the operator's secret, never in the repository: a copy of the folder gets a dummy one, so
        // promtool checks the file references (key, targets, rules) and not only the syntax.
        CopyFolder(Folder, _scratch);
        await File.WriteAllTextAsync(Path.Combine(_scratch, "collector-metrics.key"), "reader-key-for-tests-0001\n");
        var output = await Promtool.AssertPassesAsync(null, _scratch, "check", "config", "prometheus.yml");
        Assert.Contains("1 rule files found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusYml_WithoutItsKeyFile_FailsCheckConfig()
    {
        // The check above is meaningful only if promtool really looks for the key file.
        CopyFolder(Folder, _scratch);
        var (exit, output) = await Promtool.RunAsync(null, _scratch, "check", "config", "prometheus.yml");
        Assert.NotEqual(0, exit);
        Assert.Contains("collector-metrics.key", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_PassCheckRules() =>
        await Promtool.AssertPassesAsync(null, Folder, ["check", "rules", .. RuleFiles()]);

    [Fact]
    public async Task Rules_PassTheirUnitTests() =>
        await Promtool.AssertPassesAsync(null, Folder, ["test", "rules", .. TestFiles()]);

    [Fact]
    public void EveryRule_HasAUnitTest()
    {
        var tests = string.Join('\n', TestFiles().Select(f => File.ReadAllText(Path.Combine(Folder, f))));
        var rules = RuleFiles().Select(f => RuleFile.Parse(File.ReadAllText(Path.Combine(Folder, f)))).ToList();
        var untested = rules.SelectMany(r => r.Alerts).Where(a => !tests.Contains($"alertname: {a}\n", StringComparison.Ordinal))
            .Concat(rules.SelectMany(r => r.Records).Where(r => !tests.Contains($"- expr: {r}", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(rules.SelectMany(r => r.Alerts));
        Assert.True(untested.Count == 0, "rules without a unit test in packaging/prometheus/tests: " + string.Join(", ", untested));
    }

    [Fact]
    public async Task AlertmanagerExample_PassesAmtool()
    {
        var amtool = AmtoolCandidates.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("amtool not found: install the Debian package prometheus-alertmanager (listed in .ci/peers).");
        var (exit, output) = await Promtool.RunToolAsync(amtool, null, Folder, "check-config", "alertmanager.yml");
        Assert.True(exit == 0, $"amtool check-config alertmanager.yml exited {exit}:\n{output}");
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string[] RuleFiles() => Relative(Directory.GetFiles(Path.Combine(Folder, "rules"), "*.yml"));

    private static string[] TestFiles() => Relative(Directory.GetFiles(Path.Combine(Folder, "tests"), "*.yml"));

    private static string[] Relative(string[] paths) => paths.Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(Folder, p)).ToArray();

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
