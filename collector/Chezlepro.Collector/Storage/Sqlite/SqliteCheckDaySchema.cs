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

    private const string Tables = """
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
        """;

    /// <summary>The tables, then one trigger per kind of change.</summary>
    public static readonly string Sql = Tables
        + Trigger("insert", "INSERT", "NEW", "NEW.from_ts")
        + Trigger("delete", "DELETE", "OLD", "OLD.from_ts")
        + Trigger("update", "UPDATE", "NEW", UpdateFrom);

    // Marks the check's days from `from` on, when that is before the horizon (no horizon yet: nothing is summarised).
    private static string Trigger(string name, string change, string row, string from) => $"""
        CREATE TRIGGER IF NOT EXISTS check_days_{name} AFTER {change} ON check_states
            WHEN ({from}) < (SELECT until_ms FROM check_day_horizon)
            BEGIN
                INSERT INTO check_day_stale(site, node, check_name, from_ms) VALUES ({row}.site, {row}.node, {row}.check_name, {from})
                    ON CONFLICT DO UPDATE SET from_ms = min(from_ms, excluded.from_ms);
            END;

        """;
}
