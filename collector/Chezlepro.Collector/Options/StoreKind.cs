namespace Chezlepro.Collector.Options;

/// <summary>The backends <c>Collector:Store</c> can name (any case).</summary>
public enum StoreKind
{
    /// <summary><c>sqlite</c>: one collector, files in <c>Collector:DataDirectory</c>.</summary>
    Sqlite,

    /// <summary><c>postgres</c>: several collectors may share the database of <c>Collector:ConnectionString</c>.</summary>
    Postgres,
}
