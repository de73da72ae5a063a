namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// Versioned schema of the PostgreSQL store (same tables as SQLite); index + 1 = version in <c>schema_version</c>. Append only.
/// Step 6 partitions messages (by capture time) and check_states (by interval start) by UTC month and moves the rows;
/// <c>chezlepro_month_partition</c> creates a month's two partitions (Storage/README.md, "Partitions and retention").
/// </summary>
internal static class PostgresMigrations
{
    public static readonly string[] Steps =
    [
        """
        CREATE TABLE nodes (
            site TEXT NOT NULL, node TEXT NOT NULL, online BOOLEAN NOT NULL, reason TEXT, session BIGINT NOT NULL,
            status_ts BIGINT, last_seen BIGINT, agent_version TEXT, started_at BIGINT, PRIMARY KEY (site, node));
        CREATE TABLE messages (
            id BIGSERIAL PRIMARY KEY, site TEXT NOT NULL, node TEXT NOT NULL, seq BIGINT NOT NULL, kind INT NOT NULL, name TEXT,
            ts BIGINT NOT NULL, received_at BIGINT NOT NULL, payload TEXT NOT NULL, UNIQUE (site, node, seq));
        CREATE INDEX messages_ts ON messages(ts);
        CREATE TABLE latest_metrics (
            site TEXT NOT NULL, node TEXT NOT NULL, metric TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, unit TEXT,
            source TEXT NOT NULL, ts BIGINT NOT NULL, PRIMARY KEY (site, node, metric));
        CREATE TABLE latest_health (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, status INT NOT NULL, summary TEXT NOT NULL,
            details TEXT, ts BIGINT NOT NULL, PRIMARY KEY (site, node, check_name));
        CREATE TABLE check_states (
            id BIGSERIAL PRIMARY KEY, site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, status INT NOT NULL,
            from_ts BIGINT NOT NULL, last_seen BIGINT NOT NULL, to_ts BIGINT, details TEXT);
        CREATE INDEX check_states_key ON check_states(site, node, check_name, from_ts);
        CREATE INDEX check_states_time ON check_states(from_ts, to_ts);
        CREATE TABLE alerts (
            site TEXT NOT NULL, node TEXT NOT NULL, alert_id TEXT NOT NULL, state INT NOT NULL, priority INT NOT NULL,
            source TEXT NOT NULL, summary TEXT NOT NULL, summary_en TEXT NOT NULL, raised_at BIGINT, ts BIGINT NOT NULL,
            PRIMARY KEY (site, node, alert_id));
        """,
        """
        CREATE TABLE maintenance_windows (
            id TEXT PRIMARY KEY, start_ts BIGINT NOT NULL, end_ts BIGINT NOT NULL, services TEXT NOT NULL,
            reason TEXT NOT NULL, created_at BIGINT NOT NULL, ended_early_at BIGINT);
        CREATE TABLE incident_acks (incident_id TEXT PRIMARY KEY, acked_at BIGINT NOT NULL, acked_by TEXT NOT NULL);
        CREATE TABLE closed_months (month TEXT PRIMARY KEY, report TEXT NOT NULL, closed_at BIGINT NOT NULL, closed_by TEXT NOT NULL);
        """,
        """
        CREATE TABLE backup_points (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, last_backup_at BIGINT NOT NULL, observed_at BIGINT NOT NULL,
            PRIMARY KEY (site, node, check_name, last_backup_at));
        CREATE INDEX backup_points_time ON backup_points(last_backup_at);
        """,
        """
        CREATE INDEX messages_health ON messages(site, node, name, ts) WHERE kind = 2;
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO store_meta(key, value) VALUES ('intervals_rebuild', 'pending');
        CREATE TABLE incident_spans (id TEXT PRIMARY KEY, service TEXT NOT NULL, started_at BIGINT NOT NULL, restored_at BIGINT);
        """,
        """
        CREATE TABLE delivery (
            site TEXT NOT NULL, node TEXT NOT NULL, watermark BIGINT NOT NULL, last_seq BIGINT NOT NULL, last_received_at BIGINT,
            PRIMARY KEY (site, node));
        CREATE TABLE delivery_pending (
            site TEXT NOT NULL, node TEXT NOT NULL, seq BIGINT NOT NULL, received_at BIGINT NOT NULL,
            PRIMARY KEY (site, node, seq));
        CREATE TABLE delivery_evicted (
            site TEXT NOT NULL, node TEXT NOT NULL, from_seq BIGINT NOT NULL, to_seq BIGINT NOT NULL, reason TEXT NOT NULL,
            notice_seq BIGINT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (site, node, notice_seq, from_seq));
        CREATE TABLE delivery_rejected (
            site TEXT NOT NULL, node TEXT NOT NULL, seq BIGINT NOT NULL, cause TEXT NOT NULL, received_at BIGINT NOT NULL,
            PRIMARY KEY (site, node, seq));
        INSERT INTO delivery(site, node, watermark, last_seq, last_received_at)
            SELECT site, node, MAX(seq), MAX(seq), MAX(received_at) FROM messages GROUP BY site, node;
        """,
        """
        ALTER SEQUENCE messages_id_seq OWNED BY NONE;
        ALTER TABLE messages RENAME TO messages_unpartitioned;
        ALTER TABLE messages_unpartitioned DROP CONSTRAINT messages_pkey, DROP CONSTRAINT messages_site_node_seq_key;
        DROP INDEX messages_ts, messages_health;
        CREATE TABLE messages (
            id BIGINT NOT NULL DEFAULT nextval('messages_id_seq'), site TEXT NOT NULL, node TEXT NOT NULL, seq BIGINT NOT NULL, kind INT NOT NULL,
            name TEXT, ts BIGINT NOT NULL, received_at BIGINT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (site, node, seq, ts))
            PARTITION BY RANGE (ts);
        CREATE INDEX messages_ts ON messages(ts);
        CREATE INDEX messages_health ON messages(site, node, name, ts) WHERE kind = 2;
        ALTER SEQUENCE check_states_id_seq OWNED BY NONE;
        ALTER TABLE check_states RENAME TO check_states_unpartitioned;
        ALTER TABLE check_states_unpartitioned DROP CONSTRAINT check_states_pkey;
        DROP INDEX check_states_key, check_states_time;
        CREATE TABLE check_states (
            id BIGINT NOT NULL DEFAULT nextval('check_states_id_seq'), site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL,
            status INT NOT NULL, from_ts BIGINT NOT NULL, last_seen BIGINT NOT NULL, to_ts BIGINT, details TEXT, PRIMARY KEY (id, from_ts))
            PARTITION BY RANGE (from_ts);
        CREATE INDEX check_states_key ON check_states(site, node, check_name, from_ts);
        CREATE INDEX check_states_time ON check_states(from_ts, to_ts);
        -- Report windows: an interval overlaps [from, to) when it starts before `to` (partition pruning) and ends after `from`.
        CREATE INDEX check_states_to ON check_states(to_ts);
        CREATE FUNCTION chezlepro_month_partition(at_ms BIGINT) RETURNS VOID LANGUAGE plpgsql AS $f$
        DECLARE
            m TIMESTAMP := date_trunc('month', to_timestamp(at_ms / 1000.0) AT TIME ZONE 'UTC');
            lo BIGINT := (extract(epoch FROM m) * 1000)::BIGINT;
            hi BIGINT := (extract(epoch FROM m + INTERVAL '1 month') * 1000)::BIGINT;
        BEGIN
            PERFORM pg_advisory_xact_lock(hashtext('chezlepro.partitions'));
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF messages FOR VALUES FROM (%s) TO (%s)', 'messages_p' || to_char(m, 'YYYYMM'), lo, hi);
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF check_states FOR VALUES FROM (%s) TO (%s)', 'check_states_p' || to_char(m, 'YYYYMM'), lo, hi);
        END $f$;
        SELECT chezlepro_month_partition(MIN(t)) FROM (SELECT ts AS t FROM messages_unpartitioned UNION ALL SELECT from_ts FROM check_states_unpartitioned) AS a
            GROUP BY date_trunc('month', to_timestamp(t / 1000.0) AT TIME ZONE 'UTC');
        INSERT INTO messages SELECT * FROM messages_unpartitioned;
        INSERT INTO check_states SELECT * FROM check_states_unpartitioned;
        DROP TABLE messages_unpartitioned, check_states_unpartitioned;
        ALTER SEQUENCE messages_id_seq OWNED BY messages.id;
        ALTER SEQUENCE check_states_id_seq OWNED BY check_states.id;
        """,
        """
        ALTER TABLE latest_health ADD COLUMN summary_en TEXT;
        """,
        // messages.ts serves only range scans (the prune of a month's head, the health-history window), and rows arrive
        // roughly in capture order: a BRIN summary per 128 pages does that for a few kilobytes per partition, where the
        // B-tree cost an index entry per message (~0.55 µs per inserted row in a psql harness, 2026-12-06; 1.2 % of the fleet bench's store).
        """
        DROP INDEX messages_ts;
        CREATE INDEX messages_ts ON messages USING brin (ts);
        """,
    ];
}
