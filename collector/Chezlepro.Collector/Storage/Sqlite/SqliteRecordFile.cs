using Microsoft.Data.Sqlite;

namespace Chezlepro.Collector.Storage.Sqlite;

/// <summary>
/// One SQLite file of records a component creates itself (notices, DR tests): opened and its schema applied on first
/// use, every access serialised on one connection.
/// </summary>
internal sealed class SqliteRecordFile : IDisposable
{
    private readonly string _path;
    private readonly string _schema;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    public SqliteRecordFile(string path, string schema)
    {
        _path = path;
        _schema = schema;
    }

    public async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
                var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
                await c.OpenAsync(cancellationToken);
                using var cmd = c.CreateCommand();
                // FULL: a notice or test recorded and answered 201 must survive a power cut.
                cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;" + _schema;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
                _connection = c;
            }
            return await work(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _gate.Dispose();
    }
}
