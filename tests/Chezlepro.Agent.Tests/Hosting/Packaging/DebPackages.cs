using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Chezlepro.Agent.Tests.Hosting.Packaging;

/// <summary>
/// Builds both .deb files once per test run: the agent from ONE real self-contained linux-x64 publish (or the
/// folder in CHEZLEPRO_PUBLISH_AGENT), the collector from a stub publish (its packaging is the same script;
/// a second publish would double the run), then extracts each into a scratch root.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DebPackages : IDisposable
{
    public DebPackages()
    {
        Scratch = Directory.CreateTempSubdirectory("deb-test-").FullName;
        var stopwatch = Stopwatch.StartNew();
        var agentPublish = Environment.GetEnvironmentVariable("CHEZLEPRO_PUBLISH_AGENT");
        if (string.IsNullOrEmpty(agentPublish))
        {
            agentPublish = Path.Combine(Scratch, "publish-agent");
            Run("dotnet", RepoRoot, "publish", Path.Combine(RepoRoot, "agent/Chezlepro.Agent/Chezlepro.Agent.csproj"), "-c", "Release",
                "-r", "linux-x64", "--self-contained", "true", "--artifacts-path", Path.Combine(Scratch, "artifacts"), "-o", agentPublish);
        }
        PublishDuration = stopwatch.Elapsed;
        Published = agentPublish;
        var collectorPublish = Path.Combine(Scratch, "publish-collector");
        Directory.CreateDirectory(collectorPublish);
        File.WriteAllText(Path.Combine(collectorPublish, "chezlepro-collector"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(collectorPublish, "chezlepro-collector"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(collectorPublish, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(collectorPublish, "chezlepro-collector.pdb"), "");
        Out = Path.Combine(Scratch, "out");
        Run("sh", RepoRoot, new Dictionary<string, string>
            {
                ["OUT_DIR"] = Out, ["DEB_COMPRESS"] = "gzip", ["CHEZLEPRO_PUBLISH_AGENT"] = agentPublish, ["CHEZLEPRO_PUBLISH_COLLECTOR"] = collectorPublish,
            },
            Path.Combine(RepoRoot, "packaging/linux/build-deb.sh"), "linux-x64", "1.2.3");
        foreach (var role in new[] { "agent", "collector" })
        {
            var root = RootOf(role);
            Run("dpkg-deb", Scratch, "-x", Deb(role), root);
            Run("dpkg-deb", Scratch, "-e", Deb(role), Path.Combine(root, "DEBIAN"));
        }
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public string Scratch { get; }

    public string Out { get; }

    public TimeSpan PublishDuration { get; }

    public string Published { get; private set; } = "";

    public string Deb(string role) => Path.Combine(Out, $"chezlepro-{role}_1.2.3_amd64.deb");

    public string RootOf(string role) => Path.Combine(Scratch, "root-" + role);

    public static string Run(string file, string workingDirectory, params string[] args) =>
        Run(file, workingDirectory, new Dictionary<string, string>(), args);

    public static string Run(string file, string workingDirectory, IDictionary<string, string> env, params string[] args)
    {
        var (code, stdout, stderr) = RunRaw(file, workingDirectory, env, args);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {code}: {stderr}\n{stdout}");
        return stdout;
    }

    public static (int Code, string Stdout, string Stderr) RunRaw(string file, string workingDirectory, IDictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10))) p.Kill(entireProcessTree: true);
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Directory.Delete(Scratch, recursive: true);

    private static string FindRepoRoot([CallerFilePath] string path = "")
    {
        var dir = Path.GetDirectoryName(path);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Chezlepro.Agent.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("repository root not found above " + path);
    }
}
