using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Simulators.Http;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Pbs;
using Chezlepro.Testing.Tls;
using Xunit;

namespace Chezlepro.Integration.Tests.RestoreTest;

/// <summary>
/// Issue 20: the agent process with a restore-test source, against the fake PBS and a fake proxmox-backup-client,
/// through a real Mosquitto: <c>restore.&lt;name&gt;</c> reaches a subscriber and the collector's latest view with
/// the details the collector journals.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RestoreTestDeliveryTests
{
    private const string Check = "restore.fw01-etc";

    [Fact]
    public async Task Agent_RestoreTestAgainstFakePbsAndClient_ResultReachesSubscriberAndCollector()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var pbs = ProxmoxFixtures.ServePbs(await FixtureHttpServer.StartAsync(TestCertificates.SelfSigned("pbs1")));
        await using var collector = await CollectorHost.StartAsync(broker.Port);
        var bin = Directory.CreateTempSubdirectory("restore-client-");
        Process? subscriber = null;
        try
        {
            var client = FakeBackupClient.Create(bin.FullName, FakeBackupClient.WritesHostname("fw01"));
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("fw01")));
            var source = Source(pbs, client.Path, sha);
            await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port, interval: "00:00:05", extraSources: [source]);
            subscriber = Subscribe(broker.Port, $"chezlepro/v1/lanaudiere/pve1/health/{Check}");
            agent.Start();

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line = null;
            try
            {
                line = await subscriber.StandardOutput.ReadLineAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported below with the agent's log.
            }
            Assert.False(string.IsNullOrEmpty(line), $"no {Check} message\n{agent.Log}");
            var message = JsonNode.Parse(line)!;
            Assert.Equal("ok", message["status"]!.GetValue<string>());
            AssertDetails(message["details"]!, sha);
            Assert.DoesNotContain("5c1e9a7d-integration-secret", agent.Log, StringComparison.Ordinal);

            JsonElement check = default;
            await Eventually.HoldsAsync(async () =>
            {
                var latest = await collector.GetAsync("/api/v1/sites/lanaudiere/nodes/pve1/latest");
                var found = latest.GetProperty("health").EnumerateArray().Where(h => h.GetProperty("check").GetString() == Check).ToList();
                if (found.Count == 0) return false;
                check = found[0];
                return true;
            }, TimeSpan.FromSeconds(30), $"{Check} in the collector's latest view\n{agent.Log}");
            Assert.Equal("ok", check.GetProperty("status").GetString());
            AssertDetails(JsonNode.Parse(check.GetProperty("details").GetRawText())!, sha);
        }
        finally
        {
            if (subscriber is { HasExited: false }) subscriber.Kill();
            subscriber?.Dispose();
            bin.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Issue 20's whole chain with the real binaries: the agent's restore test against the fake PBS and client → its
    /// health result → a <c>restore.test</c> journal record at the collector, for the guest's client → that client's
    /// bundle exported by the CLI → verify OK → one byte of the record flipped → verify names the record.
    /// </summary>
    [Fact]
    public async Task AgentRestoreTest_JournaledForTheClient_ExportVerifies_FlippedByteNamesTheRecord()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var pbs = ProxmoxFixtures.ServePbs(await FixtureHttpServer.StartAsync(TestCertificates.SelfSigned("pbs1")));
        await using var collector = new CollectorProcess(broker.Port, id: "restore-chain", amend: c =>
        {
            c["Catalog"] = JsonNode.Parse("""
                { "Services": [ { "Id": "fw", "Name": "Pare-feu", "Category": "important", "StalenessLimit": "01:00:00",
                                  "Checks": [ { "Site": "lanaudiere", "Node": "pve1", "Check": "host" } ] } ],
                  "Contracts": [ { "Id": "obnl-b", "Client": "OBNL B", "Services": ["fw"], "MonthlyFee": 90.00, "Currency": "CAD",
                                   "Objective": 99.5, "Start": "2026-01-01" } ],
                  "Guests": [ { "Id": "host-fw01", "Service": "fw" } ] }
                """);
            c["RestoreTests"] = new JsonObject { ["ScanInterval"] = "00:00:01" };
        });
        await collector.StartAndWaitAsync();
        var bin = Directory.CreateTempSubdirectory("restore-chain-");
        try
        {
            var client = FakeBackupClient.Create(bin.FullName, FakeBackupClient.WritesHostname("fw01"));
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("fw01")));
            await using var agent = new AgentProcess("lanaudiere", "pve1", broker.Port, interval: "00:00:05", extraSources: [Source(pbs, client.Path, sha)]);
            agent.Start();

            JsonElement record = default;
            await Eventually.HoldsAsync(async () =>
            {
                var bundle = await collector.Http.GetFromJsonAsync<JsonElement>("/api/v1/evidence");
                var found = bundle.GetProperty("records").EnumerateArray()
                    .Where(r => r.GetProperty("type").GetString() == "record" && r.GetProperty("kind").GetString() == "restore.test").ToList();
                if (found.Count == 0) return false;
                record = found[0];
                return true;
            }, TimeSpan.FromSeconds(60), () => "restore.test in the journal\n" + agent.Log + "\n" + collector.Log);
            Assert.Equal(("OBNL B", Check), (record.GetProperty("client").GetString(), record.GetProperty("subject").GetString()));
            var data = record.GetProperty("data");
            Assert.Equal(("schedule", "host-fw01", "host/fw01/2026-11-21T11:00:00Z", "root.pxar.didx", "ok", sha),
                (data.GetProperty("origin").GetString(), data.GetProperty("guest").GetString(), data.GetProperty("snapshot").GetString(),
                 data.GetProperty("archive").GetString(), data.GetProperty("outcome").GetString(), data.GetProperty("sha256").GetString()));

            var file = Path.Combine(bin.FullName, "bundle.jsonl");
            var export = await CollectorCli.RunAsync(collector.Url, "evidence", "export", "--client", "OBNL B", "--out", file);
            Assert.True(export.Code == 0, export.Out + export.Err);
            var verify = await CollectorCli.RunAsync(collector.Url, "evidence", "verify", file);
            Assert.True(verify.Code == 0, verify.Out + verify.Err);

            var lines = await File.ReadAllLinesAsync(file);
            var at = Array.FindIndex(lines, l => l.Contains("\"kind\":\"restore.test\"", StringComparison.Ordinal));
            var seq = JsonDocument.Parse(lines[at]).RootElement.GetProperty("seq").GetInt64();
            var i = lines[at].IndexOf(sha, StringComparison.Ordinal);
            Assert.True(i > 0, lines[at]);
            lines[at] = lines[at][..i] + (sha[0] == 'a' ? 'b' : 'a') + lines[at][(i + 1)..]; // one hex digit of the restored file's SHA-256
            await File.WriteAllLinesAsync(file, lines);
            var broken = await CollectorCli.RunAsync(collector.Url, "evidence", "verify", file);
            Assert.Equal(1, broken.Code);
            Assert.Contains($"enregistrement {seq} ", broken.Out, StringComparison.Ordinal);
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    // The restore-test entry of the agent's configuration: one sample, first run 2 s after start, then daily.
    private static JsonObject Source(FixtureHttpServer pbs, string clientPath, string sha) => new()
    {
        ["Type"] = "restore-test", ["Name"] = "restore", ["Interval"] = "00:00:01",
        ["Repository"] = $"monitor@pbs!restore@127.0.0.1:{pbs.Port}:{ProxmoxFixtures.PbsDatastore}",
        ["Password"] = "5c1e9a7d-integration-secret", ["Fingerprint"] = pbs.CertificateFingerprint,
        ["ClientPath"] = clientPath, ["FirstRunDelay"] = "00:00:02", ["TestInterval"] = "1.00:00:00",
        ["Samples"] = new JsonArray(new JsonObject
        {
            ["Name"] = "fw01-etc", ["Guest"] = "host-fw01", ["Archive"] = "root.pxar.didx", ["Path"] = "etc/hostname", ["ExpectedSha256"] = sha,
        }),
    };

    private static void AssertDetails(JsonNode details, string sha)
    {
        Assert.Equal("host-fw01", details["guest"]!.GetValue<string>());
        Assert.Equal("host/fw01/2026-11-21T11:00:00Z", details["snapshot"]!.GetValue<string>());
        Assert.Equal("root.pxar.didx", details["archive"]!.GetValue<string>());
        Assert.Equal(4, details["bytes"]!.GetValue<long>());
        Assert.True(details["durationSeconds"]!.GetValue<double>() >= 0);
        Assert.Equal("ok", details["outcome"]!.GetValue<string>());
        Assert.Equal(sha, details["sha256"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParseExact(details["startedAt"]!.GetValue<string>(), "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out _));
    }

    // mosquitto_sub: a subscriber that is not our client; one message, then it exits. Subscribed before the agent
    // starts, and the result is re-reported every poll anyway.
    private static Process Subscribe(int port, string topic)
    {
        var psi = new ProcessStartInfo("mosquitto_sub") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-C", "1", "-W", "90", "-t", topic })
            psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }
}
