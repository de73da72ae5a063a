using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Packaging;

/// <summary>
/// Runs the packaged maintainer scripts against a scratch root ($DPKG_ROOT) with stubbed user and service
/// commands that only record their arguments, so no user is created and no unit touched on this machine.
/// </summary>
[Trait("Category", "Integration")]
[Collection(DebPackagesCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class MaintainerScriptTests(DebPackages debs)
{
    private sealed record Run(string Root, string Log);

    private Run Execute(string role, string script, bool userExists, bool otherInstalled, params string[] args)
    {
        var work = Directory.CreateTempSubdirectory("maint-").FullName;
        var root = Path.Combine(work, "root");
        var stubs = Directory.CreateDirectory(Path.Combine(work, "stubs")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "etc/chezlepro"));
        File.Copy(Path.Combine(debs.RootOf(role), $"etc/chezlepro/{role}.json"), Path.Combine(root, $"etc/chezlepro/{role}.json"));
        Directory.CreateDirectory(Path.Combine(root, "run/systemd/system"));
        Directory.CreateDirectory(Path.Combine(root, $"var/lib/chezlepro-{role}"));
        File.WriteAllText(Path.Combine(root, $"var/lib/chezlepro-{role}/outbox.db"), "unsent");
        var log = Path.Combine(work, "calls.log");
        foreach (var cmd in new[] { "addgroup", "adduser", "deluser", "delgroup", "chown", "systemctl" })
            Stub(stubs, cmd, "echo \"" + cmd + " $*\" >> \"$STUB_LOG\"");
        Stub(stubs, "getent", "echo \"getent $*\" >> \"$STUB_LOG\"; [ \"$2\" = dialout ] && exit 0; [ \"$STUB_USER_EXISTS\" = 1 ]");
        Stub(stubs, "dpkg-query", "[ \"$STUB_OTHER\" = 1 ] && echo 'install ok installed'; exit 0");
        var env = new Dictionary<string, string>
        {
            ["DPKG_ROOT"] = root, ["STUB_LOG"] = log, ["STUB_USER_EXISTS"] = userExists ? "1" : "0", ["STUB_OTHER"] = otherInstalled ? "1" : "0",
            ["PATH"] = stubs + ":" + Environment.GetEnvironmentVariable("PATH"),
        };
        DebPackages.Run("sh", work, env, [Path.Combine(debs.RootOf(role), "DEBIAN", script), .. args]);
        return new Run(root, File.Exists(log) ? File.ReadAllText(log) : "");
    }

    private static void Stub(string dir, string name, string body)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    [Fact]
    public void Postinst_FreshInstall_CreatesUserAndCredentialFileEnablesWithoutStarting()
    {
        var run = Execute("agent", "postinst", userExists: false, otherInstalled: false, "configure");

        Assert.Contains("addgroup --system chezlepro", run.Log, StringComparison.Ordinal);
        Assert.Contains("adduser --system --ingroup chezlepro --home /var/lib/chezlepro --no-create-home --shell /usr/sbin/nologin", run.Log, StringComparison.Ordinal);
        Assert.Contains("adduser chezlepro dialout", run.Log, StringComparison.Ordinal);
        Assert.Contains($"chown root:chezlepro {run.Root}/etc/chezlepro/agent.json", run.Log, StringComparison.Ordinal);
        Assert.Contains("systemctl enable chezlepro-agent.service", run.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("systemctl restart", run.Log, StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(Path.Combine(run.Root, "etc/chezlepro/agent.json")));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(Path.Combine(run.Root, "etc/chezlepro/credentials")));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Combine(run.Root, "etc/chezlepro/credentials/agent-mqtt-password")));
    }

    [Fact]
    public void Postinst_Upgrade_KeepsUserConfigAndCredentialRestarts()
    {
        var first = Execute("agent", "postinst", userExists: true, otherInstalled: false, "configure", "1.2.2");

        Assert.DoesNotContain("adduser --system", first.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("addgroup", first.Log, StringComparison.Ordinal);
        Assert.Contains("systemctl restart chezlepro-agent.service", first.Log, StringComparison.Ordinal);
        Assert.Contains("\"Site\": \"lanaudiere\"", File.ReadAllText(Path.Combine(first.Root, "etc/chezlepro/agent.json")), StringComparison.Ordinal);
        Assert.Equal("unsent", File.ReadAllText(Path.Combine(first.Root, "var/lib/chezlepro-agent/outbox.db")));
    }

    [Fact]
    public void Prerm_Upgrade_StopsWithoutDisabling()
    {
        var run = Execute("agent", "prerm", userExists: true, otherInstalled: false, "upgrade", "1.2.4");

        Assert.Contains("systemctl stop chezlepro-agent.service", run.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("disable", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Postrm_RemoveThenPurge_StateKeptOnRemoveDeletedOnPurgeUserKeptForOtherService()
    {
        var remove = Execute("collector", "postrm", userExists: true, otherInstalled: true, "remove");
        Assert.True(File.Exists(Path.Combine(remove.Root, "var/lib/chezlepro-collector/outbox.db")));

        var purge = Execute("collector", "postrm", userExists: true, otherInstalled: true, "purge");
        Assert.False(Directory.Exists(Path.Combine(purge.Root, "var/lib/chezlepro-collector")));
        Assert.DoesNotContain("deluser", purge.Log, StringComparison.Ordinal);

        var last = Execute("collector", "postrm", userExists: true, otherInstalled: false, "purge");
        Assert.Contains("deluser --system chezlepro", last.Log, StringComparison.Ordinal);
    }
}
