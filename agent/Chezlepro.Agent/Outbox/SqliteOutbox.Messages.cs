using Microsoft.Data.Sqlite;

namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return [];
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // One transaction per poll cycle: the sequence counter, the rows and the alert latches commit together or
            // not at all, so a crash between two statements can neither lose a row nor reuse a seq nor desync a latch.
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
            var seqs = await AppendInAsync(tx, messages, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return seqs;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<long[]> AppendInAsync(SqliteTransaction tx, IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
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
            if (messages[i].Latch is { } latch) await SetLatchAsync(tx, latch, now, cancellationToken);
        }
        await using (var bump = Connection.CreateCommand())
        {
            bump.Transaction = tx;
            bump.CommandText = "UPDATE meta SET value = $next WHERE key = 'next_seq';";
            bump.Parameters.AddWithValue("$next", next + messages.Count);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }
        return seqs;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> PeekAsync(long afterSeq, int max, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Connection.CreateCommand();
            cmd.CommandText = "SELECT seq, kind, topic, payload, created_at, sent_at FROM outbox WHERE seq > $after ORDER BY seq LIMIT $max;";
            cmd.Parameters.AddWithValue("$after", afterSeq);
            cmd.Parameters.AddWithValue("$max", max);
            var list = new List<OutboxMessage>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new OutboxMessage(reader.GetInt64(0), (OutboxKind)reader.GetInt32(1), reader.GetString(2),
                    (byte[])reader.GetValue(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), Time(reader, 5)));
            }
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static DateTimeOffset? Time(SqliteDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(ordinal));
}
