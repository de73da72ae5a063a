using Chezlepro.Collector.Maintenance;

namespace Chezlepro.Collector.Storage.Sqlite;

public sealed partial class SqliteCollectorStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<BackupPoint>> GetBackupPointsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var cmd = Command(Connection, null, """
                SELECT site, node, check_name, last_backup_at, observed_at FROM backup_points WHERE last_backup_at >= $since ORDER BY last_backup_at;
                """, [("$since", Ms(since))]);
            using var r = cmd.ExecuteReader();
            var list = new List<BackupPoint>();
            while (r.Read()) list.Add(new BackupPoint(r.GetString(0), r.GetString(1), r.GetString(2), FromMs(r.GetInt64(3)), FromMs(r.GetInt64(4))));
            return Task.FromResult<IReadOnlyList<BackupPoint>>(list);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MaintenanceWindow>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var cmd = Command(Connection, null,
                "SELECT id, start_ts, end_ts, services, reason, created_at, ended_early_at FROM maintenance_windows ORDER BY start_ts, id;", []);
            using var r = cmd.ExecuteReader();
            var list = new List<MaintenanceWindow>();
            while (r.Read())
            {
                list.Add(new MaintenanceWindow(r.GetString(0), FromMs(r.GetInt64(1)), FromMs(r.GetInt64(2)),
                    r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries), r.GetString(4), FromMs(r.GetInt64(5)),
                    r.IsDBNull(6) ? null : FromMs(r.GetInt64(6))));
            }
            return Task.FromResult<IReadOnlyList<MaintenanceWindow>>(list);
        }
    }

    /// <inheritdoc />
    public Task SaveMaintenanceWindowAsync(MaintenanceWindow window, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Service ids use the identity charset, so a comma-separated list is unambiguous.
            Exec(Connection, null, """
                INSERT INTO maintenance_windows(id, start_ts, end_ts, services, reason, created_at, ended_early_at)
                VALUES ($id, $s, $e, $svc, $r, $c, $ee)
                ON CONFLICT(id) DO UPDATE SET start_ts = excluded.start_ts, end_ts = excluded.end_ts, services = excluded.services,
                    reason = excluded.reason, created_at = excluded.created_at, ended_early_at = excluded.ended_early_at;
                """, ("$id", window.Id), ("$s", Ms(window.Start)), ("$e", Ms(window.End)), ("$svc", string.Join(',', window.Services)),
                ("$r", window.Reason), ("$c", Ms(window.CreatedAt)), ("$ee", window.EndedEarlyAt is { } ee ? Ms(ee) : null));
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DateTimeOffset>> GetAcknowledgementsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var cmd = Command(Connection, null, "SELECT incident_id, acked_at FROM incident_acks;", []);
            using var r = cmd.ExecuteReader();
            var map = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            while (r.Read()) map[r.GetString(0)] = FromMs(r.GetInt64(1));
            return Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(map);
        }
    }

    /// <inheritdoc />
    public Task<bool> AcknowledgeAsync(string incidentId, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Exec(Connection, null,
                "INSERT INTO incident_acks(incident_id, acked_at, acked_by) VALUES ($i, $a, $b) ON CONFLICT(incident_id) DO NOTHING;",
                ("$i", incidentId), ("$a", Ms(at)), ("$b", by)) == 1);
        }
    }

    /// <inheritdoc />
    public Task<string?> GetClosedReportAsync(string month, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Scalar(Connection, null, "SELECT report FROM closed_months WHERE month = $m;", ("$m", month)) as string);
        }
    }

    /// <inheritdoc />
    public Task<bool> CloseMonthAsync(string month, string reportJson, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Exec(Connection, null,
                "INSERT INTO closed_months(month, report, closed_at, closed_by) VALUES ($m, $r, $a, $b) ON CONFLICT(month) DO NOTHING;",
                ("$m", month), ("$r", reportJson), ("$a", Ms(at)), ("$b", by)) == 1);
        }
    }
}
