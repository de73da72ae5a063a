using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Chezlepro.Testing.Delivery;

/// <summary>
/// Appends telemetry rows straight into an agent's outbox file, as a long outage would have left it: the file must
/// already carry the agent's schema (open it once with the agent's own outbox), so the seed never guesses at a
/// version. Payloads are valid telemetry batches (contract.md) of a chosen size, each carrying its row's seq.
/// </summary>
public static class OutboxSeed
{
    /// <summary><c>OutboxKind.Telemetry</c> of the agent's schema.</summary>
    public const int TelemetryKind = 1;

    /// <summary>
    /// Appends <paramref name="count"/> rows after the file's <c>next_seq</c>, payloads <paramref name="minBytes"/> to
    /// <paramref name="maxBytes"/> long, in one transaction; returns the last seq written.
    /// </summary>
    public static long AppendTelemetry(string databasePath, string site, string node, int count, int minBytes = 250, int maxBytes = 400,
        string topicRoot = "chezlepro", TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, minBytes);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        long next;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT value FROM meta WHERE key = 'next_seq';";
            next = Convert.ToInt64(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO outbox(seq, kind, topic, payload, created_at) VALUES ($seq, $kind, $topic, $payload, $at);";
        var pSeq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var pPayload = insert.Parameters.Add("$payload", SqliteType.Blob);
        insert.Parameters.AddWithValue("$kind", TelemetryKind);
        insert.Parameters.AddWithValue("$topic", $"{topicRoot}/v1/{site}/{node}/telemetry/seed");
        insert.Parameters.AddWithValue("$at", now.ToUnixTimeMilliseconds());
        insert.Prepare();
        var seq = next;
        foreach (var payload in Payloads(site, node, next, count, minBytes, maxBytes, now))
        {
            pSeq.Value = seq++;
            pPayload.Value = payload;
            insert.ExecuteNonQuery();
        }
        using (var bump = connection.CreateCommand())
        {
            bump.Transaction = tx;
            bump.CommandText = "UPDATE meta SET value = $next WHERE key = 'next_seq';";
            bump.Parameters.AddWithValue("$next", next + count);
            bump.ExecuteNonQuery();
        }
        tx.Commit();
        return next + count - 1;
    }

    /// <summary>
    /// The payloads <see cref="AppendTelemetry"/> writes for seqs <paramref name="firstSeq"/> onwards, sizes drawn from a
    /// fixed seed: a peer benchmark can push exactly the same bytes.
    /// </summary>
    public static IEnumerable<byte[]> Payloads(string site, string node, long firstSeq, int count, int minBytes, int maxBytes, DateTimeOffset ts)
    {
        var random = new Random(20261205);
        var stamp = ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++) yield return Payload(site, node, firstSeq + i, stamp, random.Next(minBytes, maxBytes + 1));
    }

    /// <summary>A telemetry batch of exactly <paramref name="bytes"/> bytes (ASCII): samples while they fit, then padding.</summary>
    public static byte[] Payload(string site, string node, long seq, string ts, int bytes)
    {
        var sb = new StringBuilder(bytes + 64);
        sb.Append(CultureInfo.InvariantCulture,
            $$"""{"schema":1,"site":"{{site}}","node":"{{node}}","seq":{{seq}},"ts":"{{ts}}","source":"seed","samples":[""");
        const string closing = "]}";
        for (var n = 0; ; n++)
        {
            var sample = string.Create(CultureInfo.InvariantCulture, $$"""{"metric":"seed.m{{n}}","value":{{seq % 1000 + n}},"unit":"W"}""");
            // The first sample always goes in; later ones only while the batch stays within the size asked for.
            if (n > 0 && sb.Length + 1 + sample.Length + closing.Length > bytes) break;
            if (n > 0) sb.Append(',');
            sb.Append(sample);
        }
        sb.Append(closing);
        // Whitespace after the closing brace is still the same JSON document: it makes the size exact.
        while (sb.Length < bytes) sb.Append(' ');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
