using Chezlepro.Agent.Sources;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace Chezlepro.Agent.Alerts;

/// <summary>Keys every power source has: battery bank for the runtime estimate, and alert thresholds.</summary>
public class PowerSourceOptions
{
    /// <summary>Usable bank capacity, Ah; when absent the capacity the device reports is used. <value>Default: from the device.</value></summary>
    public double? BatteryCapacityAh { get; set; }

    /// <summary>SoC at which the inverter stops (counted as empty for the runtime), %. <value>Default 10.</value></summary>
    public double ReserveSoc { get; set; } = 10;

    /// <summary>Time constant of the discharge-current average behind <c>battery.runtime</c>. <value>Default 2 min.</value></summary>
    public TimeSpan RuntimeSmoothing { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Alert thresholds (<c>Sources:n:Alerts:…</c>).</summary>
    public PowerAlertOptions Alerts { get; set; } = new();

    /// <summary>Binds <typeparamref name="T"/> from the entry, reporting conversion failures with the key.</summary>
    /// <typeparam name="T">Options type.</typeparam>
    /// <param name="definition">The entry.</param>
    /// <param name="errors">Problems found.</param>
    /// <param name="get">The binder call with the concrete type (<c>section.Get&lt;VictronGxSourceOptions&gt;()</c>): the
    /// configuration binder's generator writes code only for such calls, and Native AOT has no reflection binder.</param>
    public static T Bind<T>(SourceDefinition definition, List<string> errors, Func<IConfiguration, T?> get)
        where T : PowerSourceOptions, new()
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(get);
        try
        {
            return get(definition.Section) ?? new T();
        }
        catch (InvalidOperationException e)
        {
            errors.Add($"{definition.Key("")}… {e.Message} {e.InnerException?.Message}");
            return new T();
        }
    }

    /// <summary>Problems with the shared keys.</summary>
    /// <param name="definition">The entry.</param>
    public IEnumerable<string> ValidateCommon(SourceDefinition definition)
    {
        if (BatteryCapacityAh is <= 0 or > 100_000)
        {
            yield return ValidationText.Of($"{definition.Key("BatteryCapacityAh")}: '{BatteryCapacityAh}' must be between 0 and 100000 Ah", "doit être entre 0 et 100000\u00a0Ah");
        }
        if (ReserveSoc is < 0 or >= 100)
        {
            yield return ValidationText.Of($"{definition.Key("ReserveSoc")}: '{ReserveSoc}' must be between 0 and 100", "doit être entre 0 et 100");
        }
        if (RuntimeSmoothing < TimeSpan.Zero || RuntimeSmoothing > TimeSpan.FromHours(1))
        {
            yield return ValidationText.Of($"{definition.Key("RuntimeSmoothing")}: '{RuntimeSmoothing}' must be between 0 and 1 hour", "doit être entre 0 et 1\u00a0heure");
        }
        foreach (var problem in Alerts.Validate(definition.Key("Alerts:")))
        {
            yield return problem;
        }
    }
}
