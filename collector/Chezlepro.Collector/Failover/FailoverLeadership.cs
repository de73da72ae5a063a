using Chezlepro.Collector.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chezlepro.Collector.Failover;

/// <summary>
/// Who decides when several collectors share a PostgreSQL store: the holder of a session-level advisory lock
/// on one dedicated, long-lived connection (never pooled, so closing it really ends the session and frees the
/// lock). It is re-tried every round; a connection that fails is dropped and leadership with it, because the
/// lock lives and dies with the session. With SQLite there is a single collector and it always leads.
/// </summary>
public sealed class FailoverLeadership : IAsyncDisposable
{
    /// <summary>
    /// First half of the advisory lock key ("CHLP"). The two-integer form lives in a lock space of its own
    /// (objsubid 2 in <c>pg_locks</c>), apart from the single-bigint keys the store hashes per check, so a
    /// folding transaction can never wait on the leader's session lock.
    /// </summary>
    public const int LockClass = 0x43484C50;

    /// <summary>Second half of the advisory lock key ("FAIL").</summary>
    public const int LockObject = 0x4641494C;

    private readonly string? _connectionString;
    private readonly ILogger<FailoverLeadership> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;

    /// <summary>Creates the leadership from <c>Collector:Store</c> and <c>Collector:ConnectionString</c>; nothing opened yet.</summary>
    public FailoverLeadership(IOptions<CollectorOptions> options, ILogger<FailoverLeadership> logger)
        : this(options.Value.Store == "postgres" ? options.Value.ConnectionString : null, logger)
    {
    }

    /// <summary>Creates the leadership on an explicit connection string; null: a single collector, always leader.</summary>
    public FailoverLeadership(string? connectionString, ILogger<FailoverLeadership> logger)
    {
        _logger = logger;
        if (connectionString is null) return;
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // The lock is bound to this session: a pool would keep the session (and the lock) after Dispose.
            Pooling = false,
            // A dead server or path is noticed by the next round's query, not after the OS default of hours.
            KeepAlive = 10,
            CommandTimeout = 5,
        }.ToString();
    }

    /// <summary>True when several collectors may run (PostgreSQL): leadership is contended.</summary>
    public bool Shared => _connectionString is not null;

    /// <summary>Leadership as of the last <see cref="HoldAsync"/> (always true without PostgreSQL).</summary>
    public bool IsLeader { get; private set; }

    /// <summary>Backend process id of the session holding the lock, while leader; the audit log's fence.</summary>
    public int? LeaderProcessId => IsLeader && _connection is { } c ? c.ProcessID : null;

    /// <summary>Keeps or tries to take leadership; returns whether this collector decides this round.</summary>
    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null) return IsLeader = true;
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
                FailoverLog.LeadershipConnectionLost(_logger, ex.Message);
                await DropAsync();
            }
            if (IsLeader != was)
            {
                if (IsLeader) FailoverLog.LeadershipTaken(_logger);
                else FailoverLog.LeadershipLost(_logger);
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
