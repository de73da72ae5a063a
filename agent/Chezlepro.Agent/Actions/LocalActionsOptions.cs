using Chezlepro.Hosting.Configuration;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Chezlepro.Agent.Actions;

/// <summary>
/// The <c>Actions</c> section (a list). Read by hand rather than by the binder: each bad value is reported with its
/// key (<c>Actions:0:Timeout</c>) and the value, and no reflection is needed (Native AOT, issue 19).
/// </summary>
public sealed class LocalActionsOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Actions";

    /// <summary>The actions, in configuration order.</summary>
    public IReadOnlyList<LocalActionOptions> Actions { get; set; } = [];

    /// <summary>Values that could not be read (key and value named); reported by the validator.</summary>
    public IReadOnlyList<string> ReadErrors { get; set; } = [];

    /// <summary>Reads the section from <paramref name="configuration"/>.</summary>
    public static LocalActionsOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var actions = new List<LocalActionOptions>();
        var errors = new List<string>();
        foreach (var entry in configuration.GetSection(SectionName).GetChildren().OrderBy(c => int.TryParse(c.Key, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue))
        {
            var action = new LocalActionOptions
            {
                Name = entry["Name"]?.Trim() ?? "",
                Source = entry["Source"] is { Length: > 0 } source ? source.Trim() : null,
                Command = entry["Command"]?.Trim() ?? "",
                Arguments = entry.GetSection("Arguments").GetChildren().Select(c => c.Value ?? "").ToList(),
            };
            action.RuntimeBelow = Duration(entry, "RuntimeBelow", null, errors);
            action.Hold = Duration(entry, "Hold", action.Hold, errors)!.Value;
            action.Timeout = Duration(entry, "Timeout", action.Timeout, errors)!.Value;
            action.DryRun = Flag(entry, "DryRun", action.DryRun, errors);
            action.OnlyWhenBrokerUnreachable = Flag(entry, "OnlyWhenBrokerUnreachable", action.OnlyWhenBrokerUnreachable, errors);
            actions.Add(action);
        }
        return new LocalActionsOptions { Actions = actions, ReadErrors = errors };
    }

    private static TimeSpan? Duration(IConfigurationSection entry, string key, TimeSpan? fallback, List<string> errors)
    {
        if (entry[key] is not { Length: > 0 } raw) return fallback;
        if (TimeSpan.TryParse(raw.Trim(), CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(ValidationText.Of($"{entry.Path}:{key}: '{raw}' is not a duration (hh:mm:ss)", "n’est pas une durée (hh:mm:ss)"));
        return fallback;
    }

    private static bool Flag(IConfigurationSection entry, string key, bool fallback, List<string> errors)
    {
        if (entry[key] is not { Length: > 0 } raw) return fallback;
        if (bool.TryParse(raw.Trim(), out var value)) return value;
        errors.Add(ValidationText.Of($"{entry.Path}:{key}: '{raw}' must be true or false", "doit valoir true ou false"));
        return fallback;
    }
}
