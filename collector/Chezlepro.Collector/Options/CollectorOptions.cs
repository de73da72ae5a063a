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

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>PostgreSQL connection string (secret: never logged).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Largest payload accepted; larger ones are counted and dropped unread.</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>How long raw telemetry is kept.</summary>
    public TimeSpan TelemetryRetention { get; set; } = TimeSpan.FromDays(90);
}
