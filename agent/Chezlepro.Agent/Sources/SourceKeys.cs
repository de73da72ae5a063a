using Chezlepro.Hosting.Configuration;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Chezlepro.Agent.Sources;

/// <summary>
/// Reads typed values from a source entry, collecting one message per bad key (key and value named), so a
/// factory's <see cref="SourceFactory{TSettings}"/> <c>Parse</c> validates and binds in one pass. Never echoes a
/// secret: callers pass <c>secret: true</c> for keys that hold one.
/// </summary>
internal sealed class SourceKeys(SourceDefinition definition, List<string> errors)
{
    public SourceDefinition Definition => definition;

    public List<string> Errors => errors;

    public string? String(string key) => definition.Section[key] is { Length: > 0 } v ? v.Trim() : null;

    /// <summary>A single key and/or an array key (<c>BaseUrl</c> and <c>BaseUrls:0..n</c>), merged in order.</summary>
    public List<string> List(string single, string plural)
    {
        var values = new List<string>();
        if (String(single) is { } one)
            values.AddRange(one.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        values.AddRange(definition.Section.GetSection(plural).GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0));
        return values;
    }

    public string Required(string key, bool secret = false)
    {
        if (String(key) is { } value)
            return value;
        errors.Add(ValidationText.Of($"{definition.Key(key)} is required{(secret ? "" : " and empty")}", secret ? "est requis" : "est requis et vide"));
        return "";
    }

    public TimeSpan Time(string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        if (String(key) is not { } raw)
            return fallback;
        if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add(ValidationText.Of($"{definition.Key(key)}: '{raw}' must be a duration (hh:mm:ss) between {min} and {max}", $"doit être une durée (hh:mm:ss) entre {min} et {max}"));
        return fallback;
    }

    public double Fraction(string key, double fallback)
    {
        if (String(key) is not { } raw)
            return fallback;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1)
            return value;
        errors.Add(ValidationText.Of($"{definition.Key(key)}: '{raw}' must be a fraction between 0 and 1 (0.9 = 90 %)", "doit être une fraction entre 0 et 1 (0,9 = 90\u00a0%)"));
        return fallback;
    }

    public double Number(string key, double fallback, double min, double max)
    {
        if (String(key) is not { } raw)
            return fallback;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add(ValidationText.Of($"{definition.Key(key)}: '{raw}' must be a number between {min} and {max}", $"doit être un nombre entre {min} et {max}"));
        return fallback;
    }

    public int Integer(string key, int fallback, int min, int max)
    {
        if (String(key) is not { } raw)
            return fallback;
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add(ValidationText.Of($"{definition.Key(key)}: '{raw}' must be a whole number between {min} and {max}", $"doit être un nombre entier entre {min} et {max}"));
        return fallback;
    }

    public bool Flag(string key, bool fallback)
    {
        if (String(key) is not { } raw)
            return fallback;
        if (bool.TryParse(raw, out var value))
            return value;
        errors.Add(ValidationText.Of($"{definition.Key(key)}: '{raw}' must be true or false", "doit valoir true ou false"));
        return fallback;
    }

    public Uri? Url(string key, string raw, params string[] schemes)
    {
        if (Uri.TryCreate(raw, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme))
            return uri;
        errors.Add(ValidationText.Of($"{definition.Key(key)}: '{raw}' must be an absolute {string.Join(" or ", schemes.Select(s => s + "://"))} URL",
            $"doit être une URL absolue {string.Join(" ou ", schemes.Select(s => s + "://"))}"));
        return null;
    }
}
