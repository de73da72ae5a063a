using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// Who decides when several collectors share a PostgreSQL store: the holder of a session-level advisory lock
/// on one dedicated, long-lived connection (never pooled, so closing it really ends the session and frees the
/// lock). It is re-tried every round; a connection that fails is dropped and leadership with it, because the
/// lock lives and dies with the session.
/// </summary>
public sealed class PostgresLeadership : ILeadership, IAsyncDisposable
{
    /// <summary>
    /// First half of the advisory lock key ("CHLP"). The two-integer form lives in a lock space of its own
    /// (objsubid 2 in <c>pg_locks</c>), apart from the single-bigint keys the store hashes per check, so a
    /// folding transaction can never wait on the leader's session lock.
    /// </summary>
    public const int LockClass = 0x43484C50;

    /// <summary>Second half of the advisory lock key ("FAIL").</summary>
    public const int LockObject = 0x4641494C;

    private readonly string _connectionString;
    private readonly ILogger<PostgresLeadership> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;

    /// <summary>Creates the leadership on the shared database; nothing opened yet.</summary>
    public PostgresLeadership(string connectionString, ILogger<PostgresLeadership> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _logger = logger;
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // The lock is bound to this session: a pool would keep the session (and the lock) after Dispose.
            Pooling = false,
            // A dead server or path is noticed by the next round's query, not after the OS default of hours.
            KeepAlive = 10,
            CommandTimeout = 5,
        }.ToString();
    }

    /// <inheritdoc />
    public bool Shared => true;

    /// <inheritdoc />
    public bool IsLeader { get; private set; }

    /// <summary>Backend process id of the session holding the lock, while leader; the audit log's fence.</summary>
    public int? LeaderProcessId => IsLeader && _connection is { } c ? c.ProcessID : null;

    /// <inheritdoc />
    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var was = IsLeader;
            try
            {
                if (_connection is null)
                {
                    var c = new NpgsqlConnection(_connectionString);
                    try
                    {
                        await c.OpenAsync(cancellationToken);
                    }
                    catch
                    {
                        await c.DisposeAsync();
                        throw;
                    }
                    _connection = c;
                    // If this collector vanishes without closing (power, partition), the server must notice and
                    // free the lock within seconds, not after the OS default of two hours: until it does, nobody
                    // else can lead. Session settings, allowed to any user; ignored on a Unix socket.
                    await using var keep = new NpgsqlCommand(
                        "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3; SET tcp_user_timeout = 20000;", c);
                    await keep.ExecuteNonQueryAsync(cancellationToken);
                }
                // Once held, only the session's liveness matters: the lock is released only with the session.
                // (pg_try_advisory_lock is re-entrant; calling it again while held would stack the count.)
                await using var cmd = new NpgsqlCommand(IsLeader ? "SELECT true;" : $"SELECT pg_try_advisory_lock({LockClass}, {LockObject});", _connection);
                IsLeader = (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                IsLeader = false;
                PostgresLeadershipLog.LeadershipConnectionLost(_logger, ex.Message);
                await DropAsync();
            }
            if (IsLeader != was)
            {
                if (IsLeader) PostgresLeadershipLog.LeadershipTaken(_logger);
                else PostgresLeadershipLog.LeadershipLost(_logger);
            }
            return IsLeader;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        IsLeader = false;
        _gate.Dispose();
    }

    private async Task DropAsync()
    {
        if (_connection is null) return;
        try
        {
            await _connection.DisposeAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException)
        {
            // Already broken: closing it is all that was wanted.
        }
        _connection = null;
    }
}
