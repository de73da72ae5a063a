using Chezlepro.Agent.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return [];
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // One transaction per poll cycle: the sequence counter and the rows commit together or not at all,
            // so a crash between two statements can neither lose a row nor reuse a seq.
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
            var next = Convert.ToInt64(await ScalarAsync(Connection, "SELECT value FROM meta WHERE key = 'next_seq';", cancellationToken, tx));
            await using var insert = Connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO outbox(seq, kind, topic, payload, created_at) VALUES ($seq, $kind, $topic, $payload, $at);";
            var pSeq = insert.Parameters.Add("$seq", SqliteType.Integer);
            var pKind = insert.Parameters.Add("$kind", SqliteType.Integer);
            var pTopic = insert.Parameters.Add("$topic", SqliteType.Text);
            var pPayload = insert.Parameters.Add("$payload", SqliteType.Blob);
            insert.Parameters.AddWithValue("$at", now);
            var seqs = new long[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                var seq = next + i;
                pSeq.Value = seq;
                pKind.Value = (int)messages[i].Kind;
                pTopic.Value = messages[i].Topic;
                pPayload.Value = messages[i].Render(seq);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                seqs[i] = seq;
            }
            await using (var bump = Connection.CreateCommand())
            {
                bump.Transaction = tx;
                bump.CommandText = "UPDATE meta SET value = $next WHERE key = 'next_seq';";
                bump.Parameters.AddWithValue("$next", next + messages.Count);
                await bump.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            return seqs;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> PeekAsync(long afterSeq, int max, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Connection.CreateCommand();
            cmd.CommandText = "SELECT seq, kind, topic, payload, created_at FROM outbox WHERE seq > $after ORDER BY seq LIMIT $max;";
            cmd.Parameters.AddWithValue("$after", afterSeq);
            cmd.Parameters.AddWithValue("$max", max);
            var list = new List<OutboxMessage>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new OutboxMessage(reader.GetInt64(0), (OutboxKind)reader.GetInt32(1), reader.GetString(2),
                    (byte[])reader.GetValue(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
            }
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        if (seqs.Count == 0) return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
            await using var cmd = Connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM outbox WHERE seq = $seq;";
            var p = cmd.Parameters.Add("$seq", SqliteType.Integer);
            foreach (var seq in seqs)
            {
                p.Value = seq;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Connection.CreateCommand();
            cmd.CommandText = """
                SELECT COUNT(*), COALESCE(SUM(LENGTH(payload)), 0), MIN(created_at),
                       (SELECT value FROM meta WHERE key = 'next_seq'), (SELECT value FROM meta WHERE key = 'evicted')
                FROM outbox;
                """;
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            await r.ReadAsync(cancellationToken);
            return new OutboxStats(r.GetInt64(0), r.GetInt64(1),
                r.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), r.GetInt64(3), r.GetInt64(4));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
            var evicted = 0;
            // Only bulk telemetry is ever evicted (architecture.md, data flow 3): health changes and alerts
            // are what availability and incidents are computed from.
            await using (var byAge = Connection.CreateCommand())
            {
                byAge.Transaction = tx;
                byAge.CommandText = "DELETE FROM outbox WHERE kind = 1 AND created_at < $cutoff;";
                byAge.Parameters.AddWithValue("$cutoff", (now - _options.MaxAge).ToUnixTimeMilliseconds());
                evicted += await byAge.ExecuteNonQueryAsync(cancellationToken);
            }
            var bytes = Convert.ToInt64(await ScalarAsync(Connection, "SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM outbox;", cancellationToken, tx));
            while (bytes > _options.MaxBytes)
            {
                await using var oldest = Connection.CreateCommand();
                oldest.Transaction = tx;
                oldest.CommandText = """
                    DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE kind = 1 ORDER BY seq LIMIT 500)
                    RETURNING LENGTH(payload);
                    """;
                var freed = 0L;
                var rows = 0;
                await using (var r = await oldest.ExecuteReaderAsync(cancellationToken))
                {
                    while (await r.ReadAsync(cancellationToken))
                    {
                        freed += r.GetInt64(0);
                        rows++;
                    }
                }
                if (rows == 0) break;
                evicted += rows;
                bytes -= freed;
            }
            if (evicted > 0)
            {
                await using var count = Connection.CreateCommand();
                count.Transaction = tx;
                count.CommandText = "UPDATE meta SET value = value + $n WHERE key = 'evicted';";
                count.Parameters.AddWithValue("$n", evicted);
                await count.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            if (evicted > 0) AgentLog.OutboxEvicted(_logger, evicted, bytes);
            return evicted;
        }
        finally
        {
            _gate.Release();
        }
    }
}
