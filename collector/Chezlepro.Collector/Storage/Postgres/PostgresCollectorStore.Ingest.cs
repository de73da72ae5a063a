using Chezlepro.Collector.Storage.Folding;
using Chezlepro.Contracts.Messages;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

public sealed partial class PostgresCollectorStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Partitions for the batch's months are made sure of first (own transaction); then two round trips, the second ending with the commit, whatever the batch's size (Storage/README.md, "PostgreSQL ingest"): the first locks the
    /// batch's nodes, checks and delivery rows in sorted order, inserts the messages (duplicates fall out by their key) and
    /// reads what the fold and the walk start from; the rules then run in memory; the second writes what they changed.
    /// </remarks>
    public async Task<StoredBatch> StoreBatchAsync(IReadOnlyList<IngestItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = new BatchRows(items, receivedAt);
        await EnsureMonthsAsync(rows.Messages.Select(m => Ms(m.Message.Ts)), cancellationToken);
        try
        {
            return await StoreAsync(items, rows, receivedAt, guardDuplicates: false, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation && ex.TableName is "messages" or "check_states")
        {
            // "no partition of relation found": another collector's retention dropped a month this one had made sure of.
            _months.Clear();
            await EnsureMonthsAsync(rows.Messages.Select(m => Ms(m.Message.Ts)), cancellationToken);
            return await StoreAsync(items, rows, receivedAt, guardDuplicates: false, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.TableName?.StartsWith("messages", StringComparison.Ordinal) == true)
        {
            // The delivery state said "new" for a key that is stored (see LockAndInsert): never expected, but a batch that
            // failed on it would fail again on every redelivery and stop the node's ingest. Stored again with the guard.
            PostgresStoreLog.UnaccountedDuplicate(_logger, items.Count, ex.ConstraintName ?? ex.TableName);
            return await StoreAsync(items, rows, receivedAt, guardDuplicates: true, cancellationToken);
        }
    }

    private async Task<StoredBatch> StoreAsync(IReadOnlyList<IngestItem> items, BatchRows rows, DateTimeOffset receivedAt, bool guardDuplicates,
        CancellationToken cancellationToken)
    {
        await using var c = await DataSource.OpenConnectionAsync(cancellationToken);
        // BEGIN and COMMIT travel in the batch's two round trips instead of a third of their own (issue #16). The COMMIT
        // is the second one's last statement: the call returns only once it completed, so the acknowledgement still
        // follows the commit; a failure before it leaves the transaction open, and Npgsql rolls it back when the
        // connection goes back to the pool.
        var read = new BatchRead();
        var first = new PgArrays().Add("BEGIN;");
        LockAndInsert(first, rows, read, Ms(receivedAt), guardDuplicates);
        await first.ExecuteAsync(c, null, cancellationToken);

        var outcomes = new StoreOutcome[items.Count];
        var second = new PgArrays();
        var statuses = ApplyStatuses(items, read.Sessions, outcomes, receivedAt);
        WriteStatuses(second, statuses, Ms(receivedAt));
        var inserted = new HashSet<(string, string, long)>(read.Inserted);
        var health = new List<(StoredMessage Message, HealthResult Result)>();
        var latest = new LatestRows();
        foreach (var (index, m) in rows.Messages)
        {
            var isNew = inserted.Remove((m.Site, m.Node, m.Seq));
            outcomes[index] = isNew ? StoreOutcome.Inserted : StoreOutcome.Duplicate;
            if (!isNew) continue;
            latest.Add(m, items[index].Payload);
            if (items[index].Payload is HealthResult h) health.Add((m, h));
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Payload is RejectedSeq) outcomes[i] = StoreOutcome.RejectRecorded;
        }
        latest.Write(second);
        await FoldAsync(c, null, second, health, read.Intervals, cancellationToken);
        var watermarks = await AdvanceDeliveryAsync(c, null, second, rows.Delivery, read, Ms(receivedAt), cancellationToken);
        await second.Add("COMMIT;").ExecuteAsync(c, null, cancellationToken);
        return new StoredBatch(outcomes, watermarks);
    }

    // Lock order, the same in every transaction: nodes, then checks (advisory), then delivery rows, each sorted.
    private static void LockAndInsert(PgArrays b, BatchRows rows, BatchRead read, long rx, bool guardDuplicates)
    {
        if (rows.Nodes.Count > 0)
        {
            // A node known only by this status gets session -1 (below any real one), so its status always applies, as on an
            // absent row; the status update then writes the real session in the same transaction.
            b.Query("""
                INSERT INTO nodes(site, node, online, session, last_seen)
                SELECT site, node, FALSE, CASE WHEN has_message THEN 0 ELSE -1 END, last_seen
                FROM unnest($1::text[], $2::text[], $3::bigint[], $4::boolean[]) AS n(site, node, last_seen, has_message) ORDER BY site, node
                ON CONFLICT(site, node) DO UPDATE SET last_seen = GREATEST(COALESCE(nodes.last_seen, 0), excluded.last_seen)
                RETURNING site, node, session, online;
                """, r => read.Sessions[(r.GetString(0), r.GetString(1))] = (r.GetInt64(2), r.GetBoolean(3)),
                rows.Nodes.Select(n => n.Site).ToArray(), rows.Nodes.Select(n => n.Node).ToArray(),
                rows.Nodes.Select(n => n.LastSeen).ToArray(), rows.Nodes.Select(n => n.HasMessage).ToArray());
        }
        var checks = rows.Checks.ToList();
        if (checks.Count > 0)
        {
            b.Query("""
                SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM (SELECT DISTINCT k FROM unnest($1::text[]) AS k ORDER BY k) AS s;
                """, _ => { }, [checks.Select(k => $"{k.Key.Site}/{k.Key.Node}/{k.Key.Check}").ToArray()]);
        }
        LockDelivery(b, rows.Delivery, read);
        if (rows.Messages.Count > 0)
        {
            // A seq named twice in the batch is sent once: its later copies are duplicates of the first.
            // Which seqs are new is read from the node's delivery row, locked just above, instead of probing every monthly
            // partition's key for each row (issue #16: that probe was a third of the database's time per message): every
            // stored seq is at or below the watermark or in delivery_pending (Storage/Watermarks/README.md), so a seq above
            // the watermark and not pending is new. Only the others — replays, and a seq the watermark passed as evicted or
            // rejected that arrives after all — are looked up in messages. With the node's row locked no other transaction
            // can store its seqs meanwhile, so the insert needs no ON CONFLICT (speculative insertion cost ~2.7 µs of the
            // row's ~11, measured 2026-12-06) unless the state proved wrong once (StoreBatchAsync).
            var m = rows.Messages.Select(p => p.Message).DistinctBy(x => (x.Site, x.Node, x.Seq)).ToList();
            var guard = guardDuplicates ? "ON CONFLICT(site, node, seq, ts) DO NOTHING " : "";
            b.Query($"""
                INSERT INTO messages(site, node, seq, kind, name, ts, received_at, payload)
                SELECT m.site, m.node, m.seq, m.kind, m.name, m.ts, $8, m.payload
                FROM unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::text[], $6::bigint[], $7::text[]) WITH ORDINALITY
                    AS m(site, node, seq, kind, name, ts, payload, ord)
                LEFT JOIN delivery d ON d.site = m.site AND d.node = m.node
                WHERE CASE WHEN m.seq > d.watermark AND NOT EXISTS (SELECT 1 FROM delivery_pending p WHERE p.site = m.site AND p.node = m.node AND p.seq = m.seq)
                    THEN TRUE ELSE NOT EXISTS (SELECT 1 FROM messages x WHERE x.site = m.site AND x.node = m.node AND x.seq = m.seq) END
                ORDER BY m.ord
                {guard}RETURNING site, node, seq;
                """, r => read.Inserted.Add((r.GetString(0), r.GetString(1), r.GetInt64(2))),
                m.Select(x => x.Site).ToArray(), m.Select(x => x.Node).ToArray(), m.Select(x => x.Seq).ToArray(), m.Select(x => (int)x.Kind).ToArray(),
                m.Select(x => x.Name).ToArray(), m.Select(x => Ms(x.Ts)).ToArray(), m.Select(x => x.Payload).ToArray(), rx);
        }
        if (checks.Count > 0) ReadIntervals(b, checks, read);
        ReadDelivery(b, rows.Delivery, read, rx);
    }

    // Every interval a result at or after the check's oldest batch result can see: from the second-last one starting at or
    // before it (CheckFold.Plan's "previous") onwards.
    private static void ReadIntervals(PgArrays b, List<KeyValuePair<(string Site, string Node, string Check), long>> checks, BatchRead read) =>
        b.Query("""
            SELECT k.site, k.node, k.chk, c.id, c.status, c.from_ts, c.last_seen, c.to_ts, c.details
            FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS k(site, node, chk, ts)
            CROSS JOIN LATERAL (
                SELECT cs.* FROM check_states cs WHERE cs.site = k.site AND cs.node = k.node AND cs.check_name = k.chk
                AND cs.from_ts >= COALESCE((SELECT p.from_ts FROM check_states p WHERE p.site = k.site AND p.node = k.node AND p.check_name = k.chk
                    AND p.from_ts <= k.ts ORDER BY p.from_ts DESC, p.id DESC OFFSET 1 LIMIT 1), -9223372036854775808)) AS c;
            """, r => read.Interval((r.GetString(0), r.GetString(1), r.GetString(2)), new FoldInterval(r.GetInt64(3), (HealthStatus)r.GetInt32(4),
                r.GetInt64(5), r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.IsDBNull(8) ? null : r.GetString(8))),
            checks.Select(k => k.Key.Site).ToArray(), checks.Select(k => k.Key.Node).ToArray(), checks.Select(k => k.Key.Check).ToArray(),
            checks.Select(k => k.Value).ToArray());

    private static List<(string Site, string Node, NodeState State)> ApplyStatuses(IReadOnlyList<IngestItem> items,
        Dictionary<(string, string), (long Session, bool Online)> sessions, StoreOutcome[] outcomes, DateTimeOffset receivedAt)
    {
        var states = new Dictionary<(string, string), NodeState>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Payload is not StatusMessage status) continue;
            var key = (status.Site, status.Node);
            var (session, online) = states.TryGetValue(key, out var applied) ? (applied.Session, applied.Online) : sessions[key];
            // contract.md session rule, as in the SQLite store: older sessions are stale; offline wins within one.
            if (session >= 0 && (status.Session < session || (status.Session == session && status.Online && !online)))
            {
                outcomes[i] = StoreOutcome.StatusStale;
                continue;
            }
            states[key] = new NodeState(status.Online, status.Reason, status.Session, Ms(status.Ts), status.AgentVersion ?? applied?.AgentVersion,
                status.StartedAt is { } st ? Ms(st) : applied?.StartedAt);
            outcomes[i] = StoreOutcome.StatusApplied;
        }
        return states.OrderBy(p => p.Key).Select(p => (p.Key.Item1, p.Key.Item2, p.Value)).ToList();
    }

    private static void WriteStatuses(PgArrays b, List<(string Site, string Node, NodeState State)> states, long rx)
    {
        if (states.Count == 0) return;
        b.Add("""
            UPDATE nodes n SET online = u.online, reason = u.reason, session = u.session, status_ts = u.status_ts,
                last_seen = GREATEST(COALESCE(n.last_seen, 0), $9), agent_version = COALESCE(u.agent_version, n.agent_version),
                started_at = COALESCE(u.started_at, n.started_at)
            FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::bigint[])
                AS u(site, node, online, reason, session, status_ts, agent_version, started_at)
            WHERE n.site = u.site AND n.node = u.node;
            """, states.Select(s => s.Site).ToArray(), states.Select(s => s.Node).ToArray(), states.Select(s => s.State.Online).ToArray(),
            states.Select(s => s.State.Reason).ToArray(), states.Select(s => s.State.Session).ToArray(), states.Select(s => s.State.StatusTs).ToArray(),
            states.Select(s => s.State.AgentVersion).ToArray(), states.Select(s => s.State.StartedAt).ToArray(), rx);
    }

    /// <summary>A node's state after the batch's applied statuses.</summary>
    private sealed record NodeState(bool Online, string? Reason, long Session, long StatusTs, string? AgentVersion, long? StartedAt);
}
