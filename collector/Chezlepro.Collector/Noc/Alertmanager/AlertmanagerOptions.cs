namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>
/// The Alertmanager sink (<c>Noc:Alertmanager</c>); off while <see cref="Url"/> is empty. Shape of the section:
/// <code>
/// "Noc": { "Alertmanager": { "Url": "http://127.0.0.1:9093", "ResendInterval": "00:01:00", "Timeout": "00:00:10",
///          "GeneratorUrl": "https://collector.example/api/v1/alerts", "Username": "", "Password": "", "BearerToken": "" } }
/// </code>
/// The password and the token are secrets: pass them as systemd credentials or environment, never in a log.
/// </summary>
public sealed class AlertmanagerOptions
{
    /// <summary>Section the keys are read from.</summary>
    public const string SectionName = "Noc:Alertmanager";

    /// <summary>Alertmanager's base URL (absolute http or https; alerts go to <c>&lt;Url&gt;/api/v2/alerts</c>); empty: the sink is off.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// How often every raised alert is sent again (default 1 min). Each carries <c>endsAt</c> = now + 4 × this
    /// interval, so Alertmanager keeps it active across three missed re-sends and resolves it by itself after that
    /// (a collector that died does not leave alerts active forever).
    /// </summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one post may take before it counts as a transient failure (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Optional absolute URL put in each alert's <c>generatorURL</c> (for example the collector's <c>/api/v1/alerts</c>).</summary>
    public string GeneratorUrl { get; set; } = "";

    /// <summary>Basic authentication user (with <see cref="Password"/>), when Alertmanager sits behind a proxy that asks for it.</summary>
    public string Username { get; set; } = "";

    /// <summary>Basic authentication password; a secret.</summary>
    public string Password { get; set; } = "";

    /// <summary>Bearer token, instead of basic authentication; a secret.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>True when <see cref="Url"/> is set.</summary>
    public bool Enabled => Url.Length > 0;

    /// <summary>The <c>endsAt</c> horizon of a raised alert: 4 × <see cref="ResendInterval"/>.</summary>
    public TimeSpan Horizon => ResendInterval * 4;
}
