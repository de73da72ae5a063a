using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Simulators.Victron;
using Chezlepro.Testing;
using Chezlepro.Testing.Http;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Tls;
using Xunit;
using Xunit.Abstractions;

namespace Chezlepro.Agent.Tests.Hosting.Packaging;

/// <summary>
/// The binary inside the .deb (trimmed, self-contained, no tiered compilation), run for real: options bound by
/// reflection, Proxmox replies parsed (reflection JSON over the trimmed framework), Modbus read, SQLite written,
/// MQTT published, status served. Trimming that removed something any of these needs fails here, not on a site.
/// </summary>
[Trait("Category", "Integration")]
[Collection(DebPackagesCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PackagedAgentTests(DebPackages debs, ITestOutputHelper output)
{
    [Fact]
    public async Task PackagedAgent_ProxmoxVictronHost_PollsParsesPublishesAndServes()
    {
        var binary = Path.Combine(debs.RootOf("agent"), "usr/lib/chezlepro-agent/chezlepro-agent");
        File.SetUnixFileMode(binary, (UnixFileMode)0b111_101_101);
        await using var broker = await MosquittoBroker.StartAsync();
        await using var gx = await VictronGxSimulator.StartAsync();
        using var certificate = TestCertificates.SelfSigned();
        await using var pve = new FakeApiServer(certificate)
            .On("cluster/status", FakeReply.Fixture("pve8/cluster-status-healthy.json"))
            .On("cluster/resources", FakeReply.Fixture("pve8/resources-healthy.json"))
            .On("cluster/ha/status/current", FakeReply.Fixture("pve8/ha-healthy.json"));
        var data = Directory.CreateTempSubdirectory("packaged-agent-");
        var statusPort = FreePort.Next();
        var config = Path.Combine(data.FullName, "agent.json");
        File.WriteAllText(config, new JsonObject
        {
            ["Agent"] = new JsonObject { ["Site"] = "lanaudiere", ["Node"] = "pve1", ["DataDirectory"] = data.FullName },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = broker.Port },
            ["StatusPage"] = new JsonObject { ["Urls"] = $"http://127.0.0.1:{statusPort}" },
            ["Sources"] = new JsonArray(
                new JsonObject { ["Type"] = "host", ["Name"] = "host", ["Interval"] = "00:00:02" },
                new JsonObject { ["Type"] = "victron-gx", ["Name"] = "victron", ["Interval"] = "00:00:02", ["Host"] = "127.0.0.1", ["Port"] = gx.Port, ["RequestTimeout"] = "00:00:02" },
                new JsonObject
                {
                    ["Type"] = "proxmox", ["Name"] = "pve", ["Interval"] = "00:00:05", ["Timeout"] = "00:00:04", ["BaseUrl"] = pve.BaseUrl.ToString(),
                    ["TokenId"] = "monitor@pve!agent", ["TokenSecret"] = "00000000-1111-2222-3333-444444444444",
                    ["CertificateFingerprint"] = string.Join(":", SHA256.HashData(certificate.RawData).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))),
                }),
        }.ToJsonString());

        var check = DebPackages.RunRaw(binary, data.FullName, new Dictionary<string, string>(), "check-config", "--config", config);
        Assert.True(check.Code == 0, "check-config: " + check.Stdout + check.Stderr);

        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--config");
        psi.ArgumentList.Add(config);
        using var agent = Process.Start(psi)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        agent.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        agent.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{statusPort}/"), Timeout = TimeSpan.FromSeconds(5) };
            JsonElement status = default;
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                Assert.False(agent.HasExited, "the packaged agent exited:\n" + string.Join('\n', log));
                try
                {
                    status = JsonDocument.Parse(await http.GetStringAsync("api/status")).RootElement;
                    if (Ready(status)) break;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(500);
            }
            output.WriteLine(status.ValueKind == JsonValueKind.Undefined ? "no status" : status.GetRawText());
            Assert.True(Ready(status), "sources did not all succeed and publish in 60 s:\n" + string.Join('\n', log));
            var quorum = status.GetProperty("health").EnumerateArray().Single(h => h.GetProperty("check").GetString() == "proxmox.quorum");
            Assert.Equal("ok", quorum.GetProperty("status").GetString());
            Assert.Contains(status.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("metric").GetString() == "battery.soc");
        }
        finally
        {
            agent.Kill();
            await agent.WaitForExitAsync();
            data.Delete(recursive: true);
        }
    }

    private static bool Ready(JsonElement status) =>
        status.ValueKind == JsonValueKind.Object
        && status.GetProperty("published").GetInt64() > 0
        && status.GetProperty("sources").EnumerateArray().All(s => s.GetProperty("successes").GetInt64() > 0)
        && status.GetProperty("health").EnumerateArray().Any(h => h.GetProperty("check").GetString() == "proxmox.quorum");
}
