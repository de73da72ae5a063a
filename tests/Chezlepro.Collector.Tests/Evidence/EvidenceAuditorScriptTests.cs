using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Cli;
using Chezlepro.Collector.Evidence;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

/// <summary>
/// The auditor's steps of Evidence/README.md, run exactly as written (bash, jq, sha256sum) on a bundle the journal
/// exported, and <c>evidence verify</c> on the same files: both accept the intact bundle and name the record a flipped
/// byte breaks.
/// </summary>
public sealed class EvidenceAuditorScriptTests : SqliteEvidenceFixture
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ClientBundle_ReadmeScriptAndVerify_AcceptIntact_NameTheFlippedRecord()
    {
        var journal = new EvidenceJournal(Store);
        for (var i = 1; i <= 8; i++)
        {
            var client = i % 3 == 0 ? "beta" : "acme";
            await journal.AppendAsync(new EvidenceEntry(EvidenceKinds.RestoreTest, T0.AddHours(i), client, $"restore.vm-{i}",
                new JsonObject { ["snapshot"] = $"vm/10{i}/2026-11-21T00:00:00Z", ["outcome"] = "ok", ["durationSeconds"] = 12.5, ["note"] = "é/\"ok\"" }), default);
            if (i == 4) await journal.TakeHeadAsync(new DateOnly(2026, 11, 21), T0.AddHours(i), default);
        }
        var bundle = await journal.BundleAsync("acme", T0, T0.AddDays(1), default);
        var intact = Path.Combine(Dir, "acme.jsonl");
        await File.WriteAllTextAsync(intact, bundle.ToJsonLines());

        var ok = await RunScriptAsync(intact);
        Assert.True(ok.Code == 0, ok.Output);
        Assert.StartsWith("OK: records 1 to 8", ok.Output, StringComparison.Ordinal);
        Assert.Equal((0, "OK"), await VerifyAsync(intact));

        // One byte of record 5 (acme's): "ok" becomes "oK".
        var lines = await File.ReadAllLinesAsync(intact);
        var at = Array.FindIndex(lines, l => l.Contains("\"seq\":5,", StringComparison.Ordinal) && l.Contains("\"type\":\"record\"", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("\"outcome\":\"ok\"", "\"outcome\":\"oK\"", StringComparison.Ordinal);
        var flipped = Path.Combine(Dir, "flipped.jsonl");
        await File.WriteAllLinesAsync(flipped, lines);

        var broken = await RunScriptAsync(flipped);
        Assert.Equal(1, broken.Code);
        Assert.Contains("BROKEN at record 5: changed", broken.Output, StringComparison.Ordinal);
        var (code, text) = await VerifyAsync(flipped);
        Assert.Equal(1, code);
        Assert.Contains("record 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StubRemoved_ScriptNamesTheMissingPlace()
    {
        var journal = new EvidenceJournal(Store);
        for (var i = 1; i <= 4; i++)
            await journal.AppendAsync(new EvidenceEntry(EvidenceKinds.BackupVerified, T0.AddHours(i), i == 2 ? "beta" : "acme", $"vm-{i}", []), default);
        var lines = (await journal.BundleAsync("acme", T0, T0.AddDays(1), default)).ToJsonLines().Split('\n').Where(l => !l.Contains("\"type\":\"stub\"", StringComparison.Ordinal));
        var file = Path.Combine(Dir, "cut.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        var result = await RunScriptAsync(file);
        Assert.Equal(1, result.Code);
        Assert.Contains("BROKEN at record 2", result.Output, StringComparison.Ordinal);
        Assert.Equal(1, (await VerifyAsync(file)).Code);
    }

    private static async Task<(int Code, string Text)> VerifyAsync(string file)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await EvidenceCommand.RunAsync(["verify", file, "--lang", "en"], _ => null, output, errors, default);
        return (code, output.ToString().Trim() is var t && t.StartsWith("OK", StringComparison.Ordinal) ? "OK" : t + errors);
    }

    private async Task<(int Code, string Output)> RunScriptAsync(string bundle)
    {
        var script = Path.Combine(Dir, "verify.sh");
        await File.WriteAllTextAsync(script, ReadmeScript());
        using var bash = Process.Start(new ProcessStartInfo("bash", [script, bundle])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8,
        })!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return (bash.ExitCode, await stdout + await stderr);
    }

    /// <summary>The block after the auditor-script marker of Evidence/README.md, as the auditor copies it.</summary>
    private static string ReadmeScript([CallerFilePath] string here = "")
    {
        var readme = Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "collector", "Chezlepro.Collector", "Evidence", "README.md");
        var text = File.ReadAllText(readme);
        var start = text.IndexOf("```bash\n", text.IndexOf("<!-- auditor-script -->", StringComparison.Ordinal), StringComparison.Ordinal) + "```bash\n".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
