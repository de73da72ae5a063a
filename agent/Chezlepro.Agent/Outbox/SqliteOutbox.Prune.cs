using Chezlepro.Agent.Diagnostics;
using Chezlepro.Contracts.Messages;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
    // Free pages are given back once they are both worth a syscall and a real share of the file (README.md).
    private const long ReleaseMinPages = 256;
    private const int VictimBatch = 500;

    // Eviction order by size: telemetry, then health results and alerts, gaps notices last (the explanation of
    // every other loss goes only when nothing else is left).
    private static readonly string[] VictimClasses = ["kind = 1", "kind IN (2, 3)", "kind = 4"];

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset now, Func<EvictedRange, PendingMessage> notice, CancellationToken cancellationToken)
    {
        int evicted;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            evicted = await EvictAsync(now, notice, cancellationToken);
            await ReleaseFreePagesAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        return evicted;
    }

    private async Task<int> EvictAsync(DateTimeOffset now, Func<EvictedRange, PendingMessage> notice, CancellationToken cancellationToken)
    {
        // The eviction, its counters and the notices describing it commit together: a crash cannot lose rows
        // without their explanation (the collector would otherwise wait for them forever).
        await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
        var byAge = new List<long>();
        await using (var old = Connection.CreateCommand())
        {
            old.Transaction = tx;
            old.CommandText = "DELETE FROM outbox WHERE created_at < $cutoff RETURNING seq;";
            old.Parameters.AddWithValue("$cutoff", (now - _options.MaxAge).ToUnixTimeMilliseconds());
            await using var r = await old.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) byAge.Add(r.GetInt64(0));
        }
        var bytes = Convert.ToInt64(await ScalarAsync(Connection, "SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM outbox;", cancellationToken, tx));
        var bySize = new List<long>();
        var next = Convert.ToInt64(await ScalarAsync(Connection, "SELECT value FROM meta WHERE key = 'next_seq';", cancellationToken, tx));
        var notices = Notices(byAge, bySize, notice);
        var noticeBytes = Size(notices, next);
        while (bytes + noticeBytes > _options.MaxBytes)
        {
            var freed = await EvictBySizeAsync(tx, bytes + noticeBytes - _options.MaxBytes, bySize, cancellationToken);
            if (freed == 0) break;
            bytes -= freed;
            // More evicted seqs may make the notices longer: measure again with what they now describe.
            notices = Notices(byAge, bySize, notice);
            noticeBytes = Size(notices, next);
        }
        var rows = byAge.Count + bySize.Count;
        if (rows == 0) return 0;
        var noticeSeqs = await AppendInAsync(tx, notices.Select(n => n.Message).ToList(), cancellationToken);
        await using (var count = Connection.CreateCommand())
        {
            count.Transaction = tx;
            count.CommandText = """
                UPDATE meta SET value = value + $n WHERE key = 'evicted';
                UPDATE meta SET value = value + $notices WHERE key = 'gaps_notices';
                """;
            count.Parameters.AddWithValue("$n", rows);
            count.Parameters.AddWithValue("$notices", notices.Count);
            await count.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        AgentLog.OutboxEvicted(_logger, rows, bytes + noticeBytes);
        for (var i = 0; i < notices.Count; i++)
        {
            var e = notices[i].Evicted;
            OutboxLog.GapsNoticeAppended(_logger, e.Count, e.Reason, e.From, e.To, noticeSeqs[i]);
        }
        return rows;
    }

    // Deletes the next victims in eviction order until at least `need` bytes are freed; returns the bytes freed.
    private async Task<long> EvictBySizeAsync(SqliteTransaction tx, long need, List<long> evicted, CancellationToken cancellationToken)
    {
        var freed = 0L;
        foreach (var victims in VictimClasses)
        {
            while (freed < need)
            {
                var chosen = new List<long>();
                await using (var pick = Connection.CreateCommand())
                {
                    pick.Transaction = tx;
                    pick.CommandText = $"SELECT seq, LENGTH(payload) FROM outbox WHERE {victims} ORDER BY seq LIMIT {VictimBatch};";
                    await using var r = await pick.ExecuteReaderAsync(cancellationToken);
                    while (freed < need && await r.ReadAsync(cancellationToken))
                    {
                        chosen.Add(r.GetInt64(0));
                        freed += r.GetInt64(1);
                    }
                }
                if (chosen.Count == 0) break;
                await using var delete = Connection.CreateCommand();
                delete.Transaction = tx;
                delete.CommandText = "DELETE FROM outbox WHERE seq = $seq;";
                var p = delete.Parameters.Add("$seq", SqliteType.Integer);
                foreach (var seq in chosen)
                {
                    p.Value = seq;
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }
                evicted.AddRange(chosen);
            }
            if (freed >= need) break;
        }
        return freed;
    }

    private static List<GapsNoticeDraft> Notices(List<long> byAge, List<long> bySize, Func<EvictedRange, PendingMessage> notice) =>
    [
        .. GapsNoticeDraft.Describe(byAge, EvictedRange.ReasonAge, notice),
        .. GapsNoticeDraft.Describe(bySize, EvictedRange.ReasonBytes, notice),
    ];

    // Rendered with the seq each notice will get, so the size is the one that will be stored.
    private static long Size(List<GapsNoticeDraft> notices, long nextSeq)
    {
        var total = 0L;
        for (var i = 0; i < notices.Count; i++) total += notices[i].Message.Render(nextSeq + i).LongLength;
        return total;
    }

    private async Task ReleaseFreePagesAsync(CancellationToken cancellationToken)
    {
        var free = Convert.ToInt64(await ScalarAsync(Connection, "PRAGMA freelist_count;", cancellationToken));
        var pages = Convert.ToInt64(await ScalarAsync(Connection, "PRAGMA page_count;", cancellationToken));
        if (free < ReleaseMinPages || free * 4 < pages) return;
        if (!_incremental)
        {
            await TryFullVacuumAsync(Connection, cancellationToken);
            return;
        }
        await ExecuteAsync(Connection, "PRAGMA incremental_vacuum;", cancellationToken);
        // In WAL mode the file shrinks at the checkpoint; TRUNCATE also empties the WAL the vacuum just filled.
        await ExecuteAsync(Connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        OutboxLog.PagesReleased(_logger, free);
    }
}
