using System.Data.Common;
using Chezlepro.Fleet.Simulation;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chezlepro.Fleet.Harness;

/// <summary>Reads the collector's store from outside: rows committed with their capture and receive times, and its size.</summary>
internal sealed class StoreProbe(string? sqlitePath, string? postgresConnectionString)
{
    /// <summary>
    /// <c>received_at − ts</c> of every stored outbox row that <paramref name="isLive"/> accepts (backlog rows waited out an
    /// outage on purpose). The collector stamps <c>received_at</c> when it starts the batch's transaction, so this is the
    /// delay to the commit less the transaction itself; the ack-side figure includes that.
    /// </summary>
    public async Task<(LatencyRecorder Delays, long Rows)> DelaysAsync(Func<string, string, long, bool> isLive)
    {
        var delays = new LatencyRecorder();
        long rows = 0;
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT site, node, seq, ts, received_at FROM messages";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            if (isLive(reader.GetString(0), reader.GetString(1), reader.GetInt64(2))) delays.Add(reader.GetInt64(4) - reader.GetInt64(3));
        }
        return (delays, rows);
    }

    /// <summary>Bytes of the store: the SQLite file with its WAL, or the PostgreSQL database.</summary>
    public async Task<long> SizeAsync()
    {
        if (sqlitePath is not null)
            return new[] { sqlitePath, sqlitePath + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private DbConnection Open() => sqlitePath is not null
        ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString())
        : new NpgsqlConnection(postgresConnectionString);
}
