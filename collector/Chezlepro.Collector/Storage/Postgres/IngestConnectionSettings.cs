using System.Data.Common;
using Npgsql;

namespace Chezlepro.Collector.Storage.Postgres;

/// <summary>
/// The collector store's connection settings: what the operator's connection string says, plus the two the ingest path
/// relies on unless the operator set them.
/// </summary>
internal static class IngestConnectionSettings
{
    // Statements kept prepared per connection: the ingest path's ~15 plus the API's frequent reads, with room to spare.
    internal const int AutoPrepared = 64;

    /// <summary>
    /// Ingest sends the same dozen statements for every batch: prepared once per connection, PostgreSQL parses and plans
    /// them once instead of per batch (issue #16); an explicit "Max Auto Prepare" is kept. The reset statements Npgsql sends
    /// on each reuse of a pooled connection (four per batch) are skipped: this store leaves no session state behind (SET LOCAL
    /// and transaction advisory locks only; an open transaction is still rolled back when a connection returns to the pool).
    /// An explicit "No Reset On Close" is kept.
    /// </summary>
    public static NpgsqlConnectionStringBuilder Apply(NpgsqlConnectionStringBuilder settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = AutoPrepared;
            settings.AutoPrepareMinUsages = 2;
        }
        // NpgsqlConnectionStringBuilder.ContainsKey is true for every keyword Npgsql knows, set or not (it always was here,
        // so the reset was never skipped until 2026-12-06): whether the operator wrote the key is read from the string itself.
        var written = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        if (!written.ContainsKey("No Reset On Close") && !written.ContainsKey("NoResetOnClose")) settings.NoResetOnClose = true;
        return settings;
    }
}
