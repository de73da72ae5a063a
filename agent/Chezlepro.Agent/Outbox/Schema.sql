-- Outbox schema, version 2 (PRAGMA user_version). A newer agent migrates forward; an older agent
-- accepts a database whose version it knows or one version newer (a downgrade of one version), as
-- long as the columns it uses still exist: add columns, never rename or drop them.
--
-- Version 2 (acknowledged delivery, issue #15): a row is waiting (sent_at NULL), then sent (PUBACK seen,
-- sent_at set), and is deleted only when a collector's watermark covers it (meta 'watermark', never moves
-- back). Rows evicted unacknowledged are declared in a gaps notice (kind 4) appended in the eviction's
-- transaction ('gaps_notices' counts them). alert_latch keeps the raised alerts across restarts.
-- A v1 file gets outbox.sent_at from the code (ALTER TABLE has no IF NOT EXISTS); statements here must
-- therefore not name sent_at.
--
-- meta 'fresh' (file created by this install, never acknowledged) and 'adoptions' are inserted by the code, which
-- alone knows whether the file was new (README.md, a lost outbox file).
--
-- Space (README.md in this folder): auto_vacuum=INCREMENTAL, set before the first table on a new file and by
-- a one-time VACUUM when a v1 file is migrated; the prune pass gives free pages back when they are many.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta(key, value) VALUES ('next_seq', 1), ('session', 0), ('evicted', 0),
    ('watermark', 0), ('gaps_notices', 0);
CREATE TABLE IF NOT EXISTS outbox (
    seq        INTEGER PRIMARY KEY,
    kind       INTEGER NOT NULL,
    topic      TEXT    NOT NULL,
    payload    BLOB    NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at    INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_kind_seq ON outbox(kind, seq);
CREATE TABLE IF NOT EXISTS alert_latch (
    source    TEXT    NOT NULL,
    id        TEXT    NOT NULL,
    raised_at INTEGER NOT NULL,
    PRIMARY KEY (source, id)
) WITHOUT ROWID;
