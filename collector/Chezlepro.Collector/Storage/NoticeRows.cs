using System.Data.Common;
using Chezlepro.Collector.Incidents.Notices;

namespace Chezlepro.Collector.Storage;

/// <summary>Row mapping of notices shared by both stores (columns id, incident_id, type, channel, sent_at, summary, author, recorded_at).</summary>
internal static class NoticeRows
{
    public static IncidentNotice Read(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
            r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)));
}
