using Chezlepro.Hosting.Configuration;

namespace Chezlepro.Agent.Alerts;

/// <summary>Thresholds of the local power alert rules (key <c>Sources:n:Alerts:…</c>).</summary>
public sealed class PowerAlertOptions
{
    /// <summary>Raise <c>battery-soc-low</c> below this SoC, %. <value>Default 30.</value></summary>
    public double SocLow { get; set; } = 30;

    /// <summary>Clear <c>battery-soc-low</c> at or above this SoC, %. <value>Default 35.</value></summary>
    public double SocClear { get; set; } = 35;

    /// <summary>
    /// Raise <c>battery-runtime-low</c> (P1) when the runtime falls below this: the failover lead time
    /// (service-levels.md, default 30 min), so the NOC hears before the collector's planned failover. <value>Default 30 min.</value>
    /// </summary>
    public TimeSpan RuntimeLeadTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Clear <c>battery-runtime-low</c> once the runtime is back above lead time + this margin, or the battery charges. <value>Default 10 min.</value></summary>
    public TimeSpan RuntimeClearMargin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A clear condition must hold this long before the alert clears (no flapping). <value>Default 60 s.</value></summary>
    public TimeSpan ClearHold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive failed polls before <c>device-unreachable</c>. <value>Default 3.</value></summary>
    public int UnreachablePolls { get; set; } = 3;

    /// <summary>Every problem, each naming its key and value.</summary>
    /// <param name="prefix">Key prefix (<c>Sources:2:Alerts:</c>).</param>
    public IEnumerable<string> Validate(string prefix)
    {
        if (SocLow is < 0 or > 100)
        {
            yield return ValidationText.Of($"{prefix}SocLow: '{SocLow}' must be between 0 and 100", "doit être entre 0 et 100");
        }
        if (SocClear < SocLow || SocClear > 100)
        {
            yield return ValidationText.Of($"{prefix}SocClear: '{SocClear}' must be between SocLow ({SocLow}) and 100", "doit être entre SocLow et 100");
        }
        if (RuntimeLeadTime <= TimeSpan.Zero)
        {
            yield return ValidationText.Of($"{prefix}RuntimeLeadTime: '{RuntimeLeadTime}' must be positive", "doit être positif");
        }
        if (RuntimeClearMargin < TimeSpan.Zero || ClearHold < TimeSpan.Zero)
        {
            yield return ValidationText.Of($"{prefix}RuntimeClearMargin/ClearHold: '{RuntimeClearMargin}'/'{ClearHold}' must not be negative", "ne doivent pas être négatifs");
        }
        if (UnreachablePolls is < 1 or > 1000)
        {
            yield return ValidationText.Of($"{prefix}UnreachablePolls: '{UnreachablePolls}' must be between 1 and 1000", "doit être entre 1 et 1000");
        }
    }
}
