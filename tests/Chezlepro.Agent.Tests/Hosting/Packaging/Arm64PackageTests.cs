using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Chezlepro.Simulators.Victron;
using Chezlepro.Testing;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Tls;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Agent.Tests.Hosting.Packaging;

/// <summary>
/// The arm64 package's Native AOT binary run for real on this x64 machine under qemu-user (Debian qemu-user-static,
/// with the arm64 C and C++ runtimes of libc6-arm64-cross and libstdc++6-arm64-cross as its root): the package a
/// Raspberry-class node installs answers, checks its sample configuration, reads a GX and publishes. A missing
/// emulator fails these tests: arm64 would ship untried (.ci/peers installs it).
/// </summary>
[Trait("Category", "Integration")]
[Collection(DebPackagesCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class Arm64PackageTests(Arm64Package arm64, ITestOutputHelper output) : IClassFixture<Arm64Package>
{
    private const string Qemu = "/usr/bin/qemu-aarch64-static";
    private const string Sysroot = "/usr/aarch64-linux-gnu";

    [Fact]
    public void Arm64Binary_Version_AnswersAsLinuxArm64()
    {
        output.WriteLine(arm64.BuildLog);
        var lib = Path.Combine(arm64.Root, "usr/lib/chezlepro-agent");
        Assert.True(File.Exists(Path.Combine(lib, "libe_sqlite3.so")), "native SQLite for linux-arm64");
        // Native AOT, as it ships (issue 19): one native binary, no runtime and no IL beside it (the JIT fallback has both).
        Assert.False(File.Exists(Path.Combine(lib, "libcoreclr.so")) || File.Exists(Path.Combine(lib, "chezlepro-agent.dll")),
            "the arm64 package holds the JIT build, not the Native AOT agent: " + string.Join(' ', Directory.GetFiles(lib).Select(Path.GetFileName)));
        Assert.Contains("Architecture: arm64\n", File.ReadAllText(Path.Combine(arm64.Root, "DEBIAN/control")), StringComparison.Ordinal);
        // ELF e_machine (offset 18, little-endian) 0xB7 is AArch64.
        Assert.Equal(0xB7, BitConverter.ToUInt16(File.ReadAllBytes(arm64.Binary).AsSpan(18, 2)));

        var (code, stdout, stderr) = Emulate(arm64.Scratch, "--version");

        output.WriteLine(stdout.Trim());
        Assert.True(code == 0, $"--version exited {code}: {stderr}");
        // The package's version when the script published; a folder CI published once carries the project's own.
        Assert.Matches(arm64.Prepublished ? @"^chezlepro-agent \S+ \(linux-arm64\)$" : @"^chezlepro-agent 1\.2\.3 \(linux-arm64\)$", stdout.Trim());
    }

    [Fact]
    public void Arm64Binary_CheckConfig_SampleConfigurationOk()
    {
        // The sample names the CA file a site installs; everything else is checked as shipped.
        var ca = Path.Combine(arm64.Scratch, "ca.pem");
        using (var certificate = TestCertificates.SelfSigned()) File.WriteAllText(ca, certificate.ExportCertificatePem());

        var (code, stdout, stderr) = Emulate(arm64.Scratch, "check-config", "--config", Path.Combine(arm64.Root, "etc/chezlepro/agent.json"), $"--Mqtt:Tls:CaFile={ca}");

        output.WriteLine((stdout + stderr).Trim());
        Assert.True(code == 0, $"check-config exited {code}: {stderr}{stdout}");
        Assert.Equal("configuration OK", stdout.Trim());
    }

    [Fact]
    public async Task Arm64Binary_ShortRunAgainstASimulatedGx_PublishesToMosquitto()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gx = await VictronGxSimulator.StartAsync();
        var data = Directory.CreateDirectory(Path.Combine(arm64.Scratch, "run"));
        var config = Path.Combine(data.FullName, "agent.json");
        File.WriteAllText(config, new JsonObject
        {
            ["Agent"] = new JsonObject { ["Site"] = "lanaudiere", ["Node"] = "pi1", ["DataDirectory"] = data.FullName },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = broker.Port },
            ["StatusPage"] = new JsonObject { ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}" },
            ["Sources"] = new JsonArray(new JsonObject
            {
                ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:20", ["Host"] = "127.0.0.1", ["Port"] = gx.Port, ["RequestTimeout"] = "00:00:10",
            }),
        }.ToJsonString());
        // Emulated, the agent starts and polls tens of times slower than on an arm64 board: a 20 s interval keeps a
        // poll from overrunning it. Subscribed before the agent starts: the first telemetry message is the proof, whatever its kind.
        using var subscriber = Start("mosquitto_sub", "-h", "127.0.0.1", "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-t", "chezlepro/v1/lanaudiere/pi1/telemetry/+", "-C", "1", "-W", "300", "-v");
        using var agent = Start(Qemu, "-L", Sysroot, arm64.Binary, "--config", config);
        var log = new ConcurrentQueue<string>();
        agent.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        agent.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        try
        {
            var message = await subscriber.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5));
            output.WriteLine($"first message after {started.Elapsed.TotalSeconds:F0} s: {message}");
            foreach (var line in log.Take(10)) output.WriteLine(line);
            Assert.False(string.IsNullOrEmpty(message), "nothing published:\n" + string.Join('\n', log));
            var payload = JsonNode.Parse(message![(message.IndexOf(' ', StringComparison.Ordinal) + 1)..])!;
            Assert.Equal(("lanaudiere", "pi1"), (payload["site"]!.GetValue<string>(), payload["node"]!.GetValue<string>()));
        }
        finally
        {
            if (!agent.HasExited) agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync();
            if (!subscriber.HasExited) subscriber.Kill();
        }
    }

    private static Process Start(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    private (int Code, string Stdout, string Stderr) Emulate(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(Qemu), $"{Qemu} is missing, so the arm64 package cannot be tried: apt-get install -y qemu-user-static");
        Assert.True(File.Exists(Path.Combine(Sysroot, "lib/ld-linux-aarch64.so.1")) && File.Exists(Path.Combine(Sysroot, "lib/libstdc++.so.6")),
            $"the arm64 runtime libraries under {Sysroot} are missing: apt-get install -y libc6-arm64-cross libstdc++6-arm64-cross");
        return DebPackages.RunRaw(Qemu, workingDirectory, new Dictionary<string, string>(), ["-L", Sysroot, arm64.Binary, .. args]);
    }
}
