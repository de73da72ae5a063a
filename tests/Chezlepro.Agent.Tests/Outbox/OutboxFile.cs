using System.Text;
using System.Text.Json;
using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Contracts.Json;
using Chezlepro.Contracts.Messages;
using Chezlepro.Contracts.Topics;
using Chezlepro.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Agent.Tests.Outbox;

/// <summary>A real outbox file in a temporary directory, the outboxes opened on it, and message helpers.</summary>
internal sealed class OutboxFile : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("outbox-").FullName;
    private readonly List<SqliteOutbox> _opened = [];

    public FakeTimeProvider Time { get; } = new();

    public MessageFactory Messages { get; } = new("s", "n", new TopicScheme("chezlepro"));

    public string Path => System.IO.Path.Combine(_dir, "outbox.db");

    public async Task<SqliteOutbox> OpenAsync(OutboxOptions? options = null)
    {
        var outbox = Create(options);
        await outbox.InitializeAsync(default);
        return outbox;
    }

    /// <summary>An outbox on the file, not yet initialised (for the start-up path that initialises it).</summary>
    public SqliteOutbox Create(OutboxOptions? options = null)
    {
        var outbox = new SqliteOutbox(Path, options ?? new OutboxOptions(), Time, NullLogger<SqliteOutbox>.Instance);
        _opened.Add(outbox);
        return outbox;
    }

    public PendingMessage Notice(EvictedRange evicted) => Messages.GapsNotice(evicted, Time.GetUtcNow());

    public Task<int> PruneAsync(SqliteOutbox outbox) => outbox.PruneAsync(Time.GetUtcNow(), Notice, default);

    /// <summary>The gaps notices in the outbox, decoded.</summary>
    public static async Task<List<GapsNotice>> NoticesAsync(IOutbox outbox) =>
        (await outbox.PeekAsync(0, 100_000, default)).Where(r => r.Kind == OutboxKind.Gaps)
            .Select(r => JsonSerializer.Deserialize(r.Payload, ContractJsonContext.Default.GapsNotice)!).ToList();

    public void Execute(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    /// <summary>Makes the outbox one that existed before this install (a file kept across an upgrade): not fresh.</summary>
    public void EndFreshness() => Execute("UPDATE meta SET value = 0 WHERE key = 'fresh';");

    /// <summary>A message whose payload is a contract envelope (JSON carrying its seq), as adoption needs.</summary>
    public static PendingMessage Json(string text = "grid") =>
        new(OutboxKind.Telemetry, "chezlepro/v1/s/n/telemetry/host",
            seq => Encoding.UTF8.GetBytes($$"""{"schema":1,"site":"s","node":"n","seq":{{seq}},"text":"{{text}}"}"""));

    /// <summary>The <c>seq</c> inside a stored JSON payload.</summary>
    public static long PayloadSeq(OutboxMessage row) => JsonDocument.Parse(row.Payload).RootElement.GetProperty("seq").GetInt64();

    public static PendingMessage Msg(OutboxKind kind = OutboxKind.Telemetry) =>
        new(kind, "chezlepro/v1/s/n/telemetry/host", seq => Encoding.UTF8.GetBytes($"seq={seq}"));

    public static PendingMessage Big(OutboxKind kind, int bytes) => new(kind, "t", _ => new byte[bytes]);

    public async ValueTask DisposeAsync()
    {
        foreach (var o in _opened) await o.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
