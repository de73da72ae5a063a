namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>Versioned schema of the SQLite store; index + 1 = version kept in <c>PRAGMA user_version</c>. Append only.</summary>
internal static class SqliteMigrations
{
    public static readonly string[] Steps =
    [
        """
        CREATE TABLE nodes (
            site TEXT NOT NULL, node TEXT NOT NULL, online INTEGER NOT NULL, reason TEXT, session INTEGER NOT NULL,
            status_ts INTEGER, last_seen INTEGER, agent_version TEXT, started_at INTEGER,
            PRIMARY KEY (site, node));
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            site TEXT NOT NULL, node TEXT NOT NULL, seq INTEGER NOT NULL, kind INTEGER NOT NULL, name TEXT,
            ts INTEGER NOT NULL, received_at INTEGER NOT NULL, payload TEXT NOT NULL,
            UNIQUE (site, node, seq));
        CREATE INDEX messages_kind_ts ON messages(kind, ts);
        CREATE TABLE latest_metrics (
            site TEXT NOT NULL, node TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, unit TEXT,
            source TEXT NOT NULL, ts INTEGER NOT NULL, PRIMARY KEY (site, node, metric));
        CREATE TABLE latest_health (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, status INTEGER NOT NULL,
            summary TEXT NOT NULL, details TEXT, ts INTEGER NOT NULL, PRIMARY KEY (site, node, check_name));
        CREATE TABLE check_states (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, status INTEGER NOT NULL,
            from_ts INTEGER NOT NULL, last_seen INTEGER NOT NULL, to_ts INTEGER, details TEXT);
        CREATE INDEX check_states_key ON check_states(site, node, check_name, from_ts);
        CREATE INDEX check_states_time ON check_states(from_ts, to_ts);
        CREATE TABLE alerts (
            site TEXT NOT NULL, node TEXT NOT NULL, alert_id TEXT NOT NULL, state INTEGER NOT NULL, priority INTEGER NOT NULL,
            source TEXT NOT NULL, summary TEXT NOT NULL, summary_en TEXT NOT NULL, raised_at INTEGER, ts INTEGER NOT NULL,
            PRIMARY KEY (site, node, alert_id));
        """,
        """
        CREATE TABLE maintenance_windows (
            id TEXT PRIMARY KEY, start_ts INTEGER NOT NULL, end_ts INTEGER NOT NULL, services TEXT NOT NULL,
            reason TEXT NOT NULL, created_at INTEGER NOT NULL, ended_early_at INTEGER);
        CREATE TABLE incident_acks (incident_id TEXT PRIMARY KEY, acked_at INTEGER NOT NULL, acked_by TEXT NOT NULL);
        CREATE TABLE closed_months (month TEXT PRIMARY KEY, report TEXT NOT NULL, closed_at INTEGER NOT NULL, closed_by TEXT NOT NULL);
        """,
        """
        CREATE TABLE backup_points (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, last_backup_at INTEGER NOT NULL, observed_at INTEGER NOT NULL,
            PRIMARY KEY (site, node, check_name, last_backup_at)) WITHOUT ROWID;
        CREATE INDEX backup_points_time ON backup_points(last_backup_at);
        """,
        """
        CREATE INDEX messages_health ON messages(site, node, name, ts) WHERE kind = 2;
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO store_meta(key, value) VALUES ('intervals_rebuild', 'pending');
        CREATE TABLE incident_spans (id TEXT PRIMARY KEY, service TEXT NOT NULL, started_at INTEGER NOT NULL, restored_at INTEGER);
        """,
        """
        CREATE TABLE delivery (
            site TEXT NOT NULL, node TEXT NOT NULL, watermark INTEGER NOT NULL, last_seq INTEGER NOT NULL, last_received_at INTEGER,
            PRIMARY KEY (site, node));
        CREATE TABLE delivery_pending (
            site TEXT NOT NULL, node TEXT NOT NULL, seq INTEGER NOT NULL, received_at INTEGER NOT NULL,
            PRIMARY KEY (site, node, seq)) WITHOUT ROWID;
        CREATE TABLE delivery_evicted (
            site TEXT NOT NULL, node TEXT NOT NULL, from_seq INTEGER NOT NULL, to_seq INTEGER NOT NULL, reason TEXT NOT NULL,
            notice_seq INTEGER NOT NULL, received_at INTEGER NOT NULL, PRIMARY KEY (site, node, notice_seq, from_seq));
        CREATE TABLE delivery_rejected (
            site TEXT NOT NULL, node TEXT NOT NULL, seq INTEGER NOT NULL, cause TEXT NOT NULL, received_at INTEGER NOT NULL,
            PRIMARY KEY (site, node, seq));
        INSERT INTO delivery(site, node, watermark, last_seq, last_received_at)
            SELECT site, node, MAX(seq), MAX(seq), MAX(received_at) FROM messages GROUP BY site, node;
        """,
        """
        ALTER TABLE latest_health ADD COLUMN summary_en TEXT;
        """,
    ];
}
