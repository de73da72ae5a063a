using Npgsql;
using NpgsqlTypes;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// Builds the statements of one round trip: every statement takes its rows as parallel arrays (<c>unnest</c>), so a
/// batch of any size is a fixed number of statements.
/// </summary>
internal sealed class PgArrays
{
    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<Action<NpgsqlDataReader>> _readers = [];

    /// <summary>Statements added so far.</summary>
    public int Count => _commands.Count;

    /// <summary>Adds a statement that returns no rows, with positional parameters (an array goes as a typed PostgreSQL array).</summary>
    public PgArrays Add(string sql, params object?[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(Parameter(a));
        _commands.Add(cmd);
        return this;
    }

    /// <summary>Adds a statement whose rows (a SELECT, or RETURNING) go to <paramref name="row"/>, one call per row.</summary>
    public PgArrays Query(string sql, Action<NpgsqlDataReader> row, params object?[] args)
    {
        Add(sql, args);
        _readers.Add(row);
        return this;
    }

    /// <summary>
    /// Sends every statement in one round trip and hands each row-returning statement's rows to its reader, in order
    /// (PostgreSQL gives a result set only to statements that return rows).
    /// </summary>
    public async Task ExecuteAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct)
    {
        if (_commands.Count == 0) return;
        await using var batch = new NpgsqlBatch(c, tx);
        foreach (var cmd in _commands) batch.BatchCommands.Add(cmd);
        await using var r = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < _readers.Count; i++)
        {
            if (i > 0 && !await r.NextResultAsync(ct)) throw new InvalidOperationException("A statement of the batch returned no result set.");
            while (await r.ReadAsync(ct)) _readers[i](r);
        }
        while (await r.NextResultAsync(ct))
        {
        }
    }

    // Nullable arrays need their element type stated: Npgsql cannot infer it from a null element.
    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        long?[] l => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = l },
        string?[] s => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = s },
        _ => new NpgsqlParameter { Value = value ?? DBNull.Value },
    };
}
