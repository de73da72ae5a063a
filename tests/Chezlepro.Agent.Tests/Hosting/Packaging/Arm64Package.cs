namespace Chezlepro.Agent.Tests.Hosting.Packaging;

/// <summary>
/// The arm64 agent package (Native AOT, cross-linked), built once for its test class the way a release builds it
/// (build-deb.sh linux-arm64, a cross publish from this x64 machine, or the publish in CHEZLEPRO_PUBLISH_AGENT_ARM64;
/// gzip to keep the test's cost down) and extracted into a scratch root.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class Arm64Package : IDisposable
{
    public Arm64Package()
    {
        Scratch = Directory.CreateTempSubdirectory("deb-arm64-").FullName;
        var env = new Dictionary<string, string>
        {
            ["OUT_DIR"] = Path.Combine(Scratch, "out"), ["ARTIFACTS_PATH"] = Path.Combine(Scratch, "artifacts"), ["DEB_COMPRESS"] = "gzip",
        };
        // CI can publish once and package many, as for linux-x64 (CHEZLEPRO_PUBLISH_AGENT).
        // Never the inherited CHEZLEPRO_PUBLISH_AGENT: that is the linux-x64 publish (.ci/run exports it for every test).
        env["CHEZLEPRO_PUBLISH_AGENT"] = Environment.GetEnvironmentVariable("CHEZLEPRO_PUBLISH_AGENT_ARM64") ?? "";
        Prepublished = env["CHEZLEPRO_PUBLISH_AGENT"].Length > 0;
        var output = DebPackages.Run("sh", DebPackages.RepoRoot, env,
            Path.Combine(DebPackages.RepoRoot, "packaging/linux/build-deb.sh"), "linux-arm64", "1.2.3", "agent");
        BuildLog = output.Split('\n').LastOrDefault(l => l.StartsWith("built ", StringComparison.Ordinal)) ?? "";
        Deb = Path.Combine(Scratch, "out", "chezlepro-agent_1.2.3_arm64.deb");
        Root = Path.Combine(Scratch, "root");
        DebPackages.Run("dpkg-deb", Scratch, "-x", Deb, Root);
        DebPackages.Run("dpkg-deb", Scratch, "-e", Deb, Path.Combine(Root, "DEBIAN"));
        File.SetUnixFileMode(Binary, (UnixFileMode)0b111_101_101);
    }

    public string Scratch { get; }

    /// <summary>True when the package holds a folder published before (CHEZLEPRO_PUBLISH_AGENT_ARM64), not the script's.</summary>
    public bool Prepublished { get; }

    public string Deb { get; }

    public string Root { get; }

    /// <summary>The script's last line ("built …").</summary>
    public string BuildLog { get; }

    public string Binary => Path.Combine(Root, "usr/lib/chezlepro-agent/chezlepro-agent");

    public void Dispose() => Directory.Delete(Scratch, recursive: true);
}
