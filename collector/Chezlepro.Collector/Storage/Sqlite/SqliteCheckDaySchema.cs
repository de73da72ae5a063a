namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>
/// The day roll-up's tables and the triggers that mark a check's days for recomputation when its intervals change
/// (Storage/README.md, "Roll-up"). Created by the store at start-up (idempotent), not a migration step.
/// </summary>
internal static class SqliteCheckDaySchema
{
    // The earliest instant whose day a change can alter: a new or removed interval moves the one before it (its end is
    // the next start) from its start on; an update that keeps status and start changes nothing before its old or new
    // last result or end (a day wholly before both last results was fresh and covered either way).
    private const string UpdateFrom = """
        CASE WHEN OLD.status <> NEW.status OR OLD.from_ts <> NEW.from_ts THEN min(OLD.from_ts, NEW.from_ts)
             ELSE min(OLD.last_seen, NEW.last_seen, coalesce(OLD.to_ts, NEW.last_seen), coalesce(NEW.to_ts, NEW.last_seen)) END
        """;

    public const string Sql = $"""
        CREATE TABLE IF NOT EXISTS check_days (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, day_start INTEGER NOT NULL, day_end INTEGER NOT NULL,
            ok_ms INTEGER NOT NULL, critical_ms INTEGER NOT NULL, unknown_ms INTEGER NOT NULL, max_tail_ms INTEGER NOT NULL,
            PRIMARY KEY (site, node, check_name, day_start)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS check_days_day ON check_days(day_start);
        CREATE TABLE IF NOT EXISTS check_day_firsts (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, first_day INTEGER NOT NULL,
            PRIMARY KEY (site, node, check_name)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS check_day_horizon (id INTEGER PRIMARY KEY CHECK (id = 1), until_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS check_day_stale (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, from_ms INTEGER NOT NULL,
            PRIMARY KEY (site, node, check_name)) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS check_days_insert AFTER INSERT ON check_states
            WHEN NEW.from_ts < (SELECT until_ms FROM check_day_horizon)
            BEGIN
                INSERT INTO check_day_stale(site, node, check_name, from_ms) VALUES (NEW.site, NEW.node, NEW.check_name, NEW.from_ts)
                    ON CONFLICT DO UPDATE SET from_ms = min(from_ms, excluded.from_ms);
            END;
        CREATE TRIGGER IF NOT EXISTS check_days_delete AFTER DELETE ON check_states
            WHEN OLD.from_ts < (SELECT until_ms FROM check_day_horizon)
            BEGIN
                INSERT INTO check_day_stale(site, node, check_name, from_ms) VALUES (OLD.site, OLD.node, OLD.check_name, OLD.from_ts)
                    ON CONFLICT DO UPDATE SET from_ms = min(from_ms, excluded.from_ms);
            END;
        CREATE TRIGGER IF NOT EXISTS check_days_update AFTER UPDATE ON check_states
            WHEN ({UpdateFrom}) < (SELECT until_ms FROM check_day_horizon)
            BEGIN
                INSERT INTO check_day_stale(site, node, check_name, from_ms) VALUES (NEW.site, NEW.node, NEW.check_name, {UpdateFrom})
                    ON CONFLICT DO UPDATE SET from_ms = min(from_ms, excluded.from_ms);
            END;
        """;
}
