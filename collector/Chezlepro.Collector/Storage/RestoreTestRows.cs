using System.Data.Common;
using Chezlepro.Collector.RestoreTests;

namespace Chezlepro.Collector.Storage;

/// <summary>Row mapping of restore tests shared by both stores (same columns, same order).</summary>
internal static class RestoreTestRows
{
    /// <summary>The columns, in the order of <see cref="Values"/> and <see cref="Read"/>.</summary>
    public const string Columns =
        "test_key, origin, client, guest, service, name, snapshot, archive, bytes, duration_seconds, outcome, started_at, requested_at, by_name, notes, sha256, site, node";

    /// <summary>The column values of a test (times as Unix milliseconds).</summary>
    public static object?[] Values(RestoreTest t) =>
    [
        t.Key, t.Origin, t.Client, t.Guest, t.Service, t.Name, t.Snapshot, t.Archive, t.Bytes, t.DurationSeconds, t.Outcome,
        t.StartedAt.ToUnixTimeMilliseconds(), t.RequestedAt?.ToUnixTimeMilliseconds(), t.By, t.Notes, t.Sha256, t.Site, t.Node,
    ];

    /// <summary>The test of a row read in <see cref="Columns"/> order.</summary>
    public static RestoreTest Read(DbDataReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new RestoreTest(r.GetString(1), S(2), r.GetString(3), S(4), S(5), S(6), S(7), r.IsDBNull(8) ? null : r.GetInt64(8), r.GetDouble(9),
            r.GetString(10), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)),
            r.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(12)), S(13), S(14))
        {
            Sha256 = S(15), Site = S(16), Node = S(17),
        };
    }
}
