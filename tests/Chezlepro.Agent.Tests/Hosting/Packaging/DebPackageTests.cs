using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Agent.Tests.Hosting.Packaging;

[Trait("Category", "Integration")]
[Collection(DebPackagesCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DebPackageTests(DebPackages debs, ITestOutputHelper output)
{
    [Fact]
    public void AgentDeb_Extracted_FilesModesAndControl()
    {
        output.WriteLine($"agent publish ({debs.Published}) took {debs.PublishDuration.TotalSeconds:F0} s");
        var root = debs.RootOf("agent");
        var exe = Path.Combine(root, "usr/lib/chezlepro-agent/chezlepro-agent");

        Assert.True(File.Exists(exe));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                     | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(exe));
        Assert.Equal("\u007fELF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(exe), 0, 4));
        Assert.True(File.Exists(Path.Combine(root, "usr/lib/chezlepro-agent/appsettings.json")));
        Assert.True(File.Exists(Path.Combine(root, "usr/lib/chezlepro-agent/libe_sqlite3.so")), "native SQLite for linux-x64");
        // Native AOT: the runtime is inside the binary; no JIT, no IL assemblies, no separate symbols shipped.
        Assert.False(File.Exists(Path.Combine(root, "usr/lib/chezlepro-agent/libcoreclr.so")), "Native AOT: no CoreCLR beside the binary");
        Assert.Empty(Directory.GetFiles(root, "*.dll", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(root, "*.dbg", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(root, "*.pdb", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(root, "lib/systemd/system/chezlepro-agent.service")));
        Assert.Contains("\"Site\": \"lanaudiere\"", File.ReadAllText(Path.Combine(root, "etc/chezlepro/agent.json")), StringComparison.Ordinal);

        var control = File.ReadAllText(Path.Combine(root, "DEBIAN/control"));
        Assert.Contains("Package: chezlepro-agent\n", control, StringComparison.Ordinal);
        Assert.Contains("Version: 1.2.3\n", control, StringComparison.Ordinal);
        Assert.Contains("Architecture: amd64\n", control, StringComparison.Ordinal);
        Assert.Equal("/etc/chezlepro/agent.json\n", File.ReadAllText(Path.Combine(root, "DEBIAN/conffiles")));

        // Every file in the archive belongs to root; the service user owns only what postinst and systemd give it.
        var listing = DebPackages.Run("dpkg-deb", debs.Scratch, "-c", debs.Deb("agent"));
        Assert.All(listing.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains(" root/root ", l, StringComparison.Ordinal));
        Assert.Contains("-rwxr-xr-x root/root", listing.Split('\n').Single(l => l.EndsWith("/usr/lib/chezlepro-agent/chezlepro-agent", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("collector")]
    public void MaintainerScripts_Extracted_ExecutableValidShellNoPlaceholders(string role)
    {
        foreach (var script in new[] { "postinst", "prerm", "postrm" })
        {
            var path = Path.Combine(debs.RootOf(role), "DEBIAN", script);
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), script + " must be executable");
            var text = File.ReadAllText(path);
            Assert.DoesNotContain("@", text.Replace("${Status}", "", StringComparison.Ordinal).Replace("@system-service", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("PKG=chezlepro-" + role, text, StringComparison.Ordinal);
            DebPackages.Run("sh", debs.Scratch, "-n", path);
        }
        Assert.Equal("Package: chezlepro-" + role, File.ReadLines(Path.Combine(debs.RootOf(role), "DEBIAN/control")).First());
        Assert.Empty(Directory.GetFiles(debs.RootOf(role), "*.pdb", SearchOption.AllDirectories));
    }

    [Fact]
    public void SystemdAnalyze_BothUnits_Verified()
    {
        // A missing tool is a failure, not a pass: the units would ship unverified (Debian package `systemd`, which .ci/run installs).
        Assert.True(File.Exists("/usr/bin/systemd-analyze") || File.Exists("/bin/systemd-analyze"),
            "systemd-analyze is not installed, so the units cannot be verified: apt-get install -y systemd");
        var dir = Directory.CreateDirectory(Path.Combine(debs.Scratch, "verify")).FullName;
        var units = new List<string>();
        foreach (var role in new[] { "agent", "collector" })
        {
            var root = debs.RootOf(role);
            // verify checks that ExecStart exists: point it at the binary extracted from the package.
            var text = File.ReadAllText(Path.Combine(root, $"lib/systemd/system/chezlepro-{role}.service"))
                .Replace($"ExecStart=/usr/lib/chezlepro-{role}/", $"ExecStart={root}/usr/lib/chezlepro-{role}/", StringComparison.Ordinal);
            File.SetUnixFileMode(Path.Combine(root, $"usr/lib/chezlepro-{role}/chezlepro-{role}"), (UnixFileMode)0b111_101_101);
            var unit = Path.Combine(dir, $"chezlepro-{role}.service");
            File.WriteAllText(unit, text);
            units.Add(unit);
        }

        var (code, stdout, stderr) = DebPackages.RunRaw("systemd-analyze", dir, new Dictionary<string, string>(), ["verify", .. units]);

        // Unknown keys are only warnings (exit 0), so silence is required too.
        Assert.True(code == 0 && stdout.Length == 0 && stderr.Length == 0, $"systemd-analyze verify: {code}\n{stdout}{stderr}");
    }

    [Fact]
    public void Units_Hardening_AsPromised()
    {
        var agent = File.ReadAllLines(Path.Combine(debs.RootOf("agent"), "lib/systemd/system/chezlepro-agent.service"));
        foreach (var line in new[] { "Type=notify", "User=chezlepro", "SupplementaryGroups=dialout", "StateDirectory=chezlepro-agent",
                                     "ConfigurationDirectory=chezlepro", "WatchdogSec=60", "Restart=on-failure", "ProtectSystem=strict",
                                     "ProtectHome=yes", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectKernelTunables=yes",
                                     "ProtectKernelModules=yes", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
                                     "LoadCredential=Mqtt__Password:/etc/chezlepro/credentials/agent-mqtt-password" })
            Assert.Contains(line, agent);
        var collector = File.ReadAllLines(Path.Combine(debs.RootOf("collector"), "lib/systemd/system/chezlepro-collector.service"));
        foreach (var line in new[] { "Type=notify", "WatchdogSec=120", "Restart=on-failure", "RestartPreventExitStatus=78", "PrivateDevices=yes" })
            Assert.Contains(line, collector);
        Assert.Contains("RestartPreventExitStatus=78", agent);
        Assert.Contains("StateDirectory=chezlepro-collector", collector);
    }
}
