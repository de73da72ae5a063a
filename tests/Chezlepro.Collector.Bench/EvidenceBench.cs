using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Storage.Sqlite;
using Chezlepro.Testing.Postgres;
using Npgsql;

namespace Chezlepro.Collector.Bench;

/// <summary>
/// <c>evidence [clients=50] [sqlite|postgres]</c>: the size of a year of evidence journal (issue 20). Generates a realistic year for the
/// given number of clients (4 guests each: a PBS verify per guest per day; a restore test per client per week; 6
/// incidents per client with detection, acknowledgement, three notices and restoration; 2 maintenance windows a month;
/// 20 nodes with a patch change twice a week; 12 failover decisions; monthly closes; an annual DR test per client),
/// appends it through the journal to SQLite and to PostgreSQL, and prints bytes on disk and export sizes.
/// </summary>
public static class EvidenceBench
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 5, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
        var entries = Year(clients);
        Console.WriteLine(FormattableString.Invariant($"year for {clients} clients: {entries.Count:N0} records ({string.Join(", ", entries.GroupBy(e => e.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}"))})"));

        var dir = Directory.CreateTempSubdirectory("evidence-bench-").FullName;
        try
        {
            var only = args.Length > 2 ? args[2] : null;
            if (only != "postgres") await SqliteAsync(dir, entries);
            if (only != "sqlite") await PostgresAsync(entries);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    private static async Task SqliteAsync(string dir, List<EvidenceEntry> entries)
    {
        {
            var path = Path.Combine(dir, "evidence.db");
            await using (var sqlite = new SqliteEvidenceStore(path))
            {
                var journal = new EvidenceJournal(sqlite);
                var sw = Stopwatch.StartNew();
                foreach (var e in entries) await journal.AppendAsync(e, default);
                sw.Stop();
                Console.WriteLine(FormattableString.Invariant($"sqlite: appended in {sw.Elapsed.TotalSeconds:F1} s ({entries.Count / sw.Elapsed.TotalSeconds:F0}/s, synchronous=FULL)"));
                await ExportSizesAsync(journal, "client-07");
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = new DirectoryInfo(dir).GetFiles("evidence.db*").Sum(f => f.Length);
            Console.WriteLine(FormattableString.Invariant($"sqlite: evidence.db on disk {bytes / 1048576.0:F1} MiB ({bytes / (double)entries.Count:F0} B/record)"));

        }
    }

    private static async Task PostgresAsync(List<EvidenceEntry> entries)
    {
        {
            await using var server = await PostgresServer.StartAsync();
            var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = true }.ToString();
            await using (var pg = new PostgresEvidenceStore(cs))
            {
                var journal = new EvidenceJournal(pg);
                var sw = Stopwatch.StartNew();
                foreach (var e in entries) await journal.AppendAsync(e, default);
                sw.Stop();
                Console.WriteLine(FormattableString.Invariant($"postgres: appended in {sw.Elapsed.TotalSeconds:F1} s ({entries.Count / sw.Elapsed.TotalSeconds:F0}/s)"));
            }
            await using var c = new NpgsqlConnection(server.ConnectionString);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("VACUUM ANALYZE evidence; SELECT pg_total_relation_size('evidence'), pg_relation_size('evidence');", c);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            Console.WriteLine(FormattableString.Invariant($"postgres: evidence table with indexes and TOAST {r.GetInt64(0) / 1048576.0:F1} MiB (heap {r.GetInt64(1) / 1048576.0:F1} MiB; {r.GetInt64(0) / (double)entries.Count:F0} B/record)"));
        }
    }

    private static async Task ExportSizesAsync(EvidenceJournal journal, string client)
    {
        var sw = Stopwatch.StartNew();
        var all = await journal.BundleAsync(null, Start.AddDays(-1), Start.AddYears(1), default);
        var text = all.ToJsonLines();
        sw.Stop();
        var verify = Stopwatch.StartNew();
        var ok = EvidenceBundleVerifier.Verify(text.Split('\n')).Ok;
        verify.Stop();
        Console.WriteLine(FormattableString.Invariant($"export, whole year, operator: {Encoding.UTF8.GetByteCount(text) / 1048576.0:F1} MiB in {sw.Elapsed.TotalSeconds:F1} s; verified {ok} in {verify.Elapsed.TotalSeconds:F1} s"));
        var one = (await journal.BundleAsync(client, Start.AddDays(-1), Start.AddYears(1), default)).ToJsonLines();
        Console.WriteLine(FormattableString.Invariant($"export, whole year, one client ({client}): {Encoding.UTF8.GetByteCount(one) / 1048576.0:F1} MiB, of which stubs {one.Split('\n').Count(l => l.Contains("\"type\":\"stub\"", StringComparison.Ordinal)):N0} lines"));
    }

    /// <summary>The year's facts in the order they would be appended.</summary>
    public static List<EvidenceEntry> Year(int clients)
    {
        var random = new Random(20);
        var list = new List<EvidenceEntry>();
        string Client(int c) => $"client-{c:D2}";
        for (var day = 0; day < 365; day++)
        {
            var d = Start.AddDays(day);
            for (var c = 0; c < clients; c++)
            {
                for (var g = 0; g < 4; g++)
                {
                    var guest = 100 + (c * 4) + g;
                    list.Add(new(EvidenceKinds.BackupVerified, d.AddMinutes(90 + g), Client(c), $"ovh/pbs1/vm/{guest}", new JsonObject
                    {
                        ["guest"] = $"vm-{guest}", ["snapshot"] = $"vm/{guest}/{d:yyyy-MM-dd}T06:00:00Z", ["verifyState"] = "ok",
                        ["verifiedAt"] = EvidenceCanonical.FormatAt(d.AddMinutes(90 + g)),
                    }));
                }
                if (day % 7 == c % 7)
                {
                    list.Add(new(EvidenceKinds.RestoreTest, d.AddHours(3), Client(c), $"restore.sample-{c:D2}", new JsonObject
                    {
                        ["snapshot"] = $"vm/{100 + (c * 4)}/{d:yyyy-MM-dd}T06:00:00Z", ["outcome"] = "ok", ["durationSeconds"] = 40 + random.Next(200),
                        ["bytes"] = 1_048_576 + random.Next(10_000_000), ["sha256"] = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                    }));
                }
                if (random.Next(365) < 6) Incident(list, d.AddHours(8 + random.Next(10)), Client(c), c, random);
            }
            for (var n = 0; n < 20; n++)
            {
                if (day % 7 == n % 7 || day % 7 == (n + 3) % 7)
                {
                    list.Add(new(EvidenceKinds.PatchState, d.AddHours(4), null, $"ovh/pve{n}", new JsonObject
                    {
                        ["pending"] = random.Next(40), ["security"] = random.Next(5), ["daysSinceLastPatch"] = random.Next(14),
                        ["clients"] = new JsonArray(Enumerable.Range(0, clients).Where(c => c % 20 == n).Select(c => (JsonNode?)Client(c)).ToArray()),
                    }));
                }
            }
            if (day % 15 == 3)
            {
                list.Add(new(EvidenceKinds.MaintenanceAnnounced, d.AddHours(10), null, $"mw-{day}", new JsonObject { ["reason"] = "Mise à jour du noyau", ["services"] = new JsonArray("all") }));
                for (var c = 0; c < clients; c++)
                    list.Add(new(EvidenceKinds.MaintenanceAnnounced, d.AddHours(10), Client(c), $"mw-{day}:{Client(c)}", new JsonObject { ["reason"] = "Mise à jour du noyau", ["services"] = new JsonArray($"svc-{c}") }));
            }
            if (day % 30 == 11)
            {
                list.Add(new(EvidenceKinds.FailoverDecision, d.AddHours(2), null, $"public-web#{day}", new JsonObject
                {
                    ["group"] = "public-web", ["active"] = "st-bruno", ["previous"] = "lanaudiere", ["epoch"] = day, ["mode"] = "automatic", ["reason"] = "primary-unreachable",
                    ["clients"] = new JsonArray(Enumerable.Range(0, clients).Select(c => (JsonNode?)Client(c)).ToArray()),
                }));
            }
            if (d.AddDays(1).Day == 2)
            {
                var month = d.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                list.Add(new(EvidenceKinds.MonthClosed, d.AddHours(12), null, month, new JsonObject { ["fingerprint"] = new string('a', 64), ["by"] = "Alice Tremblay" }));
                for (var c = 0; c < clients; c++)
                    list.Add(new(EvidenceKinds.MonthClosed, d.AddHours(12), Client(c), $"{month}:{Client(c)}", new JsonObject { ["fingerprint"] = new string('b', 64), ["by"] = "Alice Tremblay", ["contracts"] = new JsonArray($"contrat-{c}") }));
            }
            if (day % 7 == 4 && day / 7 < clients)
            {
                var c = day / 7;
                list.Add(new(EvidenceKinds.DrTest, d.AddHours(14), Client(c), $"dr-{c}", new JsonObject
                {
                    ["scenario"] = "Perte du site principal", ["services"] = new JsonArray(new JsonObject { ["service"] = $"svc-{c}", ["rtoSeconds"] = 5400, ["rpoSeconds"] = 1800, ["category"] = "critical", ["met"] = true }),
                    ["findings"] = "Procédure suivie; DNS à abaisser à 300 s.",
                }));
            }
        }
        return list;
    }

    private static void Incident(List<EvidenceEntry> list, DateTimeOffset at, string client, int c, Random random)
    {
        var id = $"svc-{c}-{at:yyyyMMddTHHmm}Z";
        var data = new JsonObject { ["service"] = $"svc-{c}", ["priority"] = random.Next(3) == 0 ? "P1" : "P2" };
        list.Add(new(EvidenceKinds.IncidentDetected, at, client, id, (JsonObject)data.DeepClone()));
        list.Add(new(EvidenceKinds.IncidentAcknowledged, at.AddMinutes(8), client, id, new JsonObject { ["by"] = "Alice Tremblay" }));
        for (var n = 0; n < 3; n++)
            list.Add(new(EvidenceKinds.IncidentNotice, at.AddMinutes(20 + (60 * n)), client, id, new JsonObject { ["type"] = n == 0 ? "first" : "update", ["channel"] = "email", ["author"] = "Alice Tremblay" }));
        list.Add(new(EvidenceKinds.IncidentRestored, at.AddMinutes(30 + random.Next(200)), client, id, (JsonObject)data.DeepClone()));
    }
}
