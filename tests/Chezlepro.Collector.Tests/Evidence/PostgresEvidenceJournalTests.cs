using System.Text.Json.Nodes;
using Chezlepro.Collector.Evidence;
using Chezlepro.Collector.Storage;
using Chezlepro.Collector.Storage.Postgres;
using Chezlepro.Collector.Tests.Storage;
using Npgsql;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

[Trait("Category", "Integration")]
public sealed class PostgresEvidenceJournalTests(PostgresServerFixture postgres) : EvidenceJournalContractTests, IClassFixture<PostgresServerFixture>
{
    private string _cs = "";

    protected override async Task<IEvidenceStore> CreateStoreAsync()
    {
        var database = "evidence_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(postgres.Server.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database};", c);
            await cmd.ExecuteNonQueryAsync();
        }
        _cs = new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = database }.ToString();
        return new PostgresEvidenceStore(_cs);
    }

    [Fact]
    public async Task TwoCollectors_AppendingAtOnce_OneChainNoFork_SharedFactsStoredOnce()
    {
        await using var a = new PostgresEvidenceStore(_cs);
        await using var b = new PostgresEvidenceStore(_cs);
        var ja = new EvidenceJournal(a);
        var jb = new EvidenceJournal(b);
        // Each collector appends 40 facts of its own and the same 20 recomputed facts (an incident both saw).
        async Task Run(EvidenceJournal j, string who)
        {
            for (var i = 0; i < 40; i++)
            {
                await j.AppendAsync(Entry(1000 + i, "acme", EvidenceKinds.RestoreTest, new JsonObject { ["by"] = who }) with { Subject = $"{who}-{i}" }, default);
                if (i % 2 == 0) await j.AppendAsync(Entry(i / 2), default);
            }
        }
        await Task.WhenAll(Task.Run(() => Run(ja, "a")), Task.Run(() => Run(jb, "b")));
        var all = await Journal.ListAsync(DateTimeOffset.MinValue.AddYears(1), DateTimeOffset.MaxValue.AddYears(-1), null, default);
        Assert.Equal(100, all.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), all.Select(r => r.Seq));
        Assert.Null(EvidenceChain.FirstBreak(all, EvidenceCanonical.Genesis));
    }

    [Fact]
    public async Task Update_Refused()
    {
        await Journal.AppendAsync(Entry(1), default);
        await using var c = new NpgsqlConnection(_cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("UPDATE evidence SET subject = 'x' WHERE seq = 1;", c);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }
}
