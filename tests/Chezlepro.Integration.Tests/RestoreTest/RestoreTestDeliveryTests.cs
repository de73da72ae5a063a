using System.Diagnostics;
using System.Globalization;
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
            var source = new JsonObject
            {
                ["Type"] = "restore-test", ["Name"] = "restore", ["Interval"] = "00:00:01",
                ["Repository"] = $"monitor@pbs!restore@127.0.0.1:{pbs.Port}:{ProxmoxFixtures.PbsDatastore}",
                ["Password"] = "5c1e9a7d-integration-secret", ["Fingerprint"] = pbs.CertificateFingerprint,
                ["ClientPath"] = client.Path, ["FirstRunDelay"] = "00:00:02", ["TestInterval"] = "1.00:00:00",
                ["Samples"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "fw01-etc", ["Guest"] = "host-fw01", ["Archive"] = "root.pxar.didx", ["Path"] = "etc/hostname", ["ExpectedSha256"] = sha,
                }),
            };
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
