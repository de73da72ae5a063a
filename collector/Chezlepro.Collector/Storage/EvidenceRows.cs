using System.Data.Common;

namespace Chezlepro.Collector.Storage;

/// <summary>Reads evidence rows selected as <c>seq, kind, at_ms, client, subject, audience, data, prev, hash</c>.</summary>
internal static class EvidenceRows
{
    /// <summary>Reads records in the order the command returns them (both stores select the same columns).</summary>
    public static async Task<IReadOnlyList<StoredEvidence>> ReadAllAsync(DbCommand cmd, CancellationToken cancellationToken, bool dispose = false)
    {
        try
        {
            var list = new List<StoredEvidence>();
            using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                list.Add(new StoredEvidence(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                    r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8)));
            }
            return list;
        }
        finally
        {
            if (dispose) await cmd.DisposeAsync();
        }
    }
}
