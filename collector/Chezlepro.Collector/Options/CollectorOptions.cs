namespace Chezlepro.Collector.Options;

/// <summary>The <c>Collector</c> section.</summary>
public sealed class CollectorOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Collector";

    /// <summary>Collector identity (MQTT client id <c>chezlepro-collector-&lt;id&gt;</c>).</summary>
    public string Id { get; set; } = "main";

    /// <summary>Folder of the SQLite store and logs.</summary>
    public string DataDirectory { get; set; } = "/var/lib/chezlepro-collector";

    /// <summary>Where the API listens.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8090";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>, in any case; read through <see cref="StoreKind"/>.</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>
    /// The backend <see cref="Store"/> names, or null when it names none (the validator refuses that at start, with
    /// the key and the value). Kept as text in the options so that any value binds and can be reported, instead of
    /// failing inside the configuration binder.
    /// </summary>
    public StoreKind? StoreKind =>
        Enum.GetValues<StoreKind>().Select(k => (StoreKind?)k).FirstOrDefault(k => string.Equals(k.ToString(), Store, StringComparison.OrdinalIgnoreCase));

    /// <summary>PostgreSQL connection string (secret: never logged).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Largest payload accepted; larger ones are counted and dropped unread.</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Collectors sharing one store and one broker: with a group, each agent message goes to one collector of the group
    /// (MQTT shared subscription <c>$share/&lt;group&gt;/…</c>) and only the leader (<c>ILeadership</c>) runs the once-only
    /// jobs. Null or absent: one collector receives everything. Needs <c>Collector:Store = postgres</c>.
    /// </summary>
    public string? Group { get; set; }

    /// <summary>How long raw telemetry is kept.</summary>
    public TimeSpan TelemetryRetention { get; set; } = TimeSpan.FromDays(90);
}
