using Microsoft.Data.Sqlite;

namespace Chezlepro.Agent.Outbox;

public sealed partial class SqliteOutbox
{
    /// <inheritdoc />
    public async Task MarkSentAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        if (seqs.Count == 0) return;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
            await using var cmd = Connection.CreateCommand();
            cmd.Transaction = tx;
            // The first PUBACK's time is kept: a re-send does not make a row look younger than it is. One statement per
            // run of consecutive seqs (a drain marks thousands in order): each page is written once, not once per row.
            cmd.CommandText = "UPDATE outbox SET sent_at = $at WHERE seq BETWEEN $from AND $to AND sent_at IS NULL;";
            cmd.Parameters.AddWithValue("$at", now);
            var from = cmd.Parameters.Add("$from", SqliteType.Integer);
            var to = cmd.Parameters.Add("$to", SqliteType.Integer);
            foreach (var run in GapsNoticeDraft.Runs(seqs))
            {
                from.Value = run.From;
                to.Value = run.To;
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
    public Task<WatermarkOutcome> AcknowledgeAsync(long through, CancellationToken cancellationToken) =>
        ApplyWatermarkAsync(through, adoptBelowNext: false, cancellationToken);

    private async Task<WatermarkOutcome> ApplyWatermarkAsync(long through, bool adoptBelowNext, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);
            var held = Convert.ToInt64(await ScalarAsync(Connection, "SELECT value FROM meta WHERE key = 'watermark';", cancellationToken, tx));
            var next = Convert.ToInt64(await ScalarAsync(Connection, "SELECT value FROM meta WHERE key = 'next_seq';", cancellationToken, tx));
            var fresh = await FreshnessAsync(tx, cancellationToken);
            // Still holding, nothing went out under the new file's seqs: any watermark is the node's old one, even one
            // below next_seq (the file assigned seqs past it before it could hear it, a WAN outage at start).
            var adoptAny = adoptBelowNext && fresh == FreshHolding && through >= 1;
            if (through >= next || adoptAny)
            {
                if (fresh == 0) return WatermarkOutcome.BeyondAssigned;
                var moved = await AdoptInAsync(tx, through, next, cancellationToken);
                await tx.CommitAsync(cancellationToken);
                OutboxLog.Adopted(_logger, through, moved, next + through);
                return WatermarkOutcome.Adopted;
            }
            if (through <= held) return WatermarkOutcome.Stale;
            int deleted;
            await using (var delete = Connection.CreateCommand())
            {
                delete.Transaction = tx;
                delete.CommandText = "DELETE FROM outbox WHERE seq <= $through;";
                delete.Parameters.AddWithValue("$through", through);
                deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var mark = Connection.CreateCommand())
            {
                mark.Transaction = tx;
                // The first watermark accepted ends freshness: from now on an over-range one is foreign again.
                mark.CommandText = "UPDATE meta SET value = $through WHERE key = 'watermark'; UPDATE meta SET value = 0 WHERE key = 'fresh';";
                mark.Parameters.AddWithValue("$through", through);
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            OutboxLog.Acknowledged(_logger, through, deleted);
            return WatermarkOutcome.Advanced;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LatchedAlert>> GetLatchedAlertsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Connection.CreateCommand();
            cmd.CommandText = "SELECT source, id, raised_at FROM alert_latch ORDER BY source, id;";
            var list = new List<LatchedAlert>();
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
                list.Add(new LatchedAlert(r.GetString(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2))));
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SetLatchAsync(SqliteTransaction tx, LatchChange latch, long now, CancellationToken cancellationToken)
    {
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = latch.Raised
            ? "INSERT OR REPLACE INTO alert_latch(source, id, raised_at) VALUES ($source, $id, $at);"
            : "DELETE FROM alert_latch WHERE source = $source AND id = $id;";
        cmd.Parameters.AddWithValue("$source", latch.Source);
        cmd.Parameters.AddWithValue("$id", latch.Id);
        cmd.Parameters.AddWithValue("$at", now);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
