-- Outbox schema, version 1 (PRAGMA user_version). A newer agent migrates forward; an older agent
-- accepts a database whose version it knows or one version newer (a downgrade of one version), as
-- long as the columns it uses still exist: add columns, never rename or drop them.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta(key, value) VALUES ('next_seq', 1), ('session', 0), ('evicted', 0);
CREATE TABLE IF NOT EXISTS outbox (
    seq        INTEGER PRIMARY KEY,
    kind       INTEGER NOT NULL,
    topic      TEXT    NOT NULL,
    payload    BLOB    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_kind_seq ON outbox(kind, seq);
