namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// The day roll-up's tables and the trigger that marks a check's days for recomputation when its intervals change, as
/// in SQLite (Storage/README.md, "Roll-up"). Created by the store at start-up (idempotent, under the migration lock).
/// </summary>
internal static class PostgresCheckDaySchema
{
    /// <summary>
    /// Held shared by every transaction that changes intervals, exclusively by the one that brings the roll-up up to
    /// date: a change is either seen by that reader or marks its days after it, never neither.
    /// </summary>
    public const long Lock = 0x43484c5044; // "CHLPD"

    public static readonly string Sql = $$"""
        CREATE TABLE IF NOT EXISTS check_days (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, day_start BIGINT NOT NULL, day_end BIGINT NOT NULL,
            ok_ms BIGINT NOT NULL, critical_ms BIGINT NOT NULL, unknown_ms BIGINT NOT NULL, max_tail_ms BIGINT NOT NULL,
            PRIMARY KEY (site, node, check_name, day_start));
        CREATE INDEX IF NOT EXISTS check_days_day ON check_days(day_start);
        CREATE TABLE IF NOT EXISTS check_day_firsts (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, first_day BIGINT NOT NULL, PRIMARY KEY (site, node, check_name));
        CREATE TABLE IF NOT EXISTS check_day_horizon (id INT PRIMARY KEY CHECK (id = 1), until_ms BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS check_day_stale (
            site TEXT NOT NULL, node TEXT NOT NULL, check_name TEXT NOT NULL, from_ms BIGINT NOT NULL, PRIMARY KEY (site, node, check_name));
        CREATE OR REPLACE FUNCTION chezlepro_check_days_stale() RETURNS TRIGGER LANGUAGE plpgsql AS $f$
        DECLARE
            h BIGINT;
            x BIGINT;
            k check_states%ROWTYPE;
        BEGIN
            PERFORM pg_advisory_xact_lock_shared({{Lock}});
            SELECT until_ms INTO h FROM check_day_horizon;
            IF h IS NULL THEN RETURN NULL; END IF;
            -- The earliest instant whose day the change can alter (see SqliteCheckDaySchema).
            IF TG_OP = 'INSERT' THEN k := NEW; x := NEW.from_ts;
            ELSIF TG_OP = 'DELETE' THEN k := OLD; x := OLD.from_ts;
            ELSIF OLD.status <> NEW.status OR OLD.from_ts <> NEW.from_ts THEN k := NEW; x := LEAST(OLD.from_ts, NEW.from_ts);
            ELSE k := NEW; x := LEAST(OLD.last_seen, NEW.last_seen, OLD.to_ts, NEW.to_ts);
            END IF;
            IF x < h THEN
                INSERT INTO check_day_stale(site, node, check_name, from_ms) VALUES (k.site, k.node, k.check_name, x)
                ON CONFLICT (site, node, check_name) DO UPDATE SET from_ms = LEAST(check_day_stale.from_ms, EXCLUDED.from_ms);
            END IF;
            RETURN NULL;
        END $f$;
        CREATE OR REPLACE TRIGGER check_days_stale AFTER INSERT OR UPDATE OR DELETE ON check_states
            FOR EACH ROW EXECUTE FUNCTION chezlepro_check_days_stale();
        """;
}
