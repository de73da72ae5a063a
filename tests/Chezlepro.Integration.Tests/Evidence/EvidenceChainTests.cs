using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Integration.Tests.Support;
using Chezlepro.Mqtt;
using Chezlepro.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Chezlepro.Integration.Tests.Evidence;

/// <summary>
/// Issue 20's proof, end to end with the real binaries: health results published as an agent publishes them (a
/// verified PBS backup, a restore run reported twice) → journal records in the collector process → the client's
/// bundle exported by <c>chezlepro-collector evidence export</c> → <c>evidence verify</c> OK → one byte of a record
/// flipped → verify fails and names that record.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EvidenceChainTests
{
    private const string Client = "OBNL A";

    [Fact]
    public async Task AgentResults_Journaled_ClientExport_Verifies_OneFlippedByteNamesTheRecord()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var collector = new CollectorProcess(broker.Port, id: "chain", amend: c =>
        {
            c["Catalog"] = JsonNode.Parse("""
                { "Services": [ { "Id": "mail", "Name": "Courriel", "Category": "critical", "StalenessLimit": "01:00:00",
                                  "Checks": [ { "Site": "ovh", "Node": "proxy1", "Check": "probe.mail" } ] } ],
                  "Contracts": [ { "Id": "obnl-a", "Client": "OBNL A", "Services": ["mail"], "MonthlyFee": 150.00, "Currency": "CAD",
                                   "Objective": 99.5, "Start": "2026-01-01" } ],
                  "Guests": [ { "Id": "vm-101", "Service": "mail" } ] }
                """);
            c["RestoreTests"] = new JsonObject { ["ScanInterval"] = "00:00:01" };
        });
        await collector.StartAndWaitAsync();
        await using var agent = new MqttClient(new MqttClientOptions { Port = broker.Port, ClientId = "chezlepro-agent-ovh-pbs1" },
            NullLogger<MqttClient>.Instance, TimeProvider.System);
        await agent.StartAsync(default);

        var now = DateTimeOffset.UtcNow;
        var snapshot = $"vm/101/{now.AddHours(-3):yyyy-MM-dd'T'HH:00:00'Z'}";
        var startedAt = now.AddMinutes(-20).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var seq = 0L;
        async Task Publish(string check, JsonObject details) =>
            await agent.PublishAsync(new MqttApplicationMessage($"chezlepro/v1/ovh/pbs1/health/{check}", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
                new HealthResult { Site = "ovh", Node = "pbs1", Seq = ++seq, Ts = DateTimeOffset.UtcNow, Check = check, Status = HealthStatus.Ok, Summary = "ok", Details = details },
                ContractJsonContext.Default.HealthResult)), MqttQualityOfService.AtLeastOnce), default);
        await Publish("pbs.backup.vm-101", new JsonObject { ["lastBackupAt"] = now.AddHours(-3).ToString("O"), ["verifySnapshot"] = snapshot, ["verifyState"] = "ok" });
        JsonObject Run() => new()
        {
            ["guest"] = "vm-101", ["snapshot"] = snapshot, ["archive"] = "root.pxar", ["bytes"] = 52428800, ["durationSeconds"] = 31.5, ["outcome"] = "ok",
            ["sha256"] = new string('c', 64), ["startedAt"] = startedAt,
        };
        // The agent re-reports its last run until the next one.
        await Publish("restore.mail-files", Run());
        await Publish("restore.mail-files", Run());

        JsonElement[] records = [];
        await Eventually.HoldsAsync(async () =>
        {
            var bundle = await collector.Http.GetFromJsonAsync<JsonElement>("/api/v1/evidence");
            records = [.. bundle.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("type").GetString() == "record")];
            return records.Any(r => r.GetProperty("kind").GetString() == "backup.verified") && records.Any(r => r.GetProperty("kind").GetString() == "restore.test");
        }, TimeSpan.FromSeconds(30), () => "backup.verified and restore.test in the journal\n" + collector.Log);
        var restore = Assert.Single(records, r => r.GetProperty("kind").GetString() == "restore.test");
        Assert.Equal((Client, "restore.mail-files"), (restore.GetProperty("client").GetString(), restore.GetProperty("subject").GetString()));
        var verified = Assert.Single(records, r => r.GetProperty("kind").GetString() == "backup.verified");
        Assert.Equal((Client, "vm-101", snapshot), (verified.GetProperty("client").GetString(), verified.GetProperty("subject").GetString(),
            verified.GetProperty("data").GetProperty("snapshot").GetString()));
        var tests = await collector.Http.GetFromJsonAsync<JsonElement>("/api/v1/restore-tests");
        Assert.Equal("schedule", Assert.Single(tests.GetProperty("tests").EnumerateArray()).GetProperty("origin").GetString());

        var dir = Directory.CreateTempSubdirectory("evidence-chain-").FullName;
        try
        {
            var file = Path.Combine(dir, "bundle.jsonl");
            var export = await CollectorCli.RunAsync(collector.Url, "evidence", "export", "--client", Client, "--out", file);
            Assert.True(export.Code == 0, export.Out + export.Err);
            var verify = await CollectorCli.RunAsync(collector.Url, "evidence", "verify", file);
            Assert.True(verify.Code == 0, verify.Out + verify.Err);

            var lines = await File.ReadAllLinesAsync(file);
            var at = Array.FindIndex(lines, l => l.Contains("\"kind\":\"restore.test\"", StringComparison.Ordinal));
            var tamperedSeq = JsonDocument.Parse(lines[at]).RootElement.GetProperty("seq").GetInt64();
            var bytes = Encoding.UTF8.GetBytes(lines[at]);
            var i = lines[at].IndexOf("\"archive\":\"root.pxar\"", StringComparison.Ordinal) + "\"archive\":\"".Length;
            bytes[i] ^= 0x20; // root.pxar → Root.pxar: one byte, still valid JSON.
            lines[at] = Encoding.UTF8.GetString(bytes);
            await File.WriteAllLinesAsync(file, lines);
            var broken = await CollectorCli.RunAsync(collector.Url, "evidence", "verify", file);
            Assert.Equal(1, broken.Code);
            Assert.Contains($"enregistrement {tamperedSeq} ", broken.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        await agent.StopAsync(default);
    }
}
