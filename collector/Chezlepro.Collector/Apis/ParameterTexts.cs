using Chezlepro.Collector.Texts;

namespace Chezlepro.Collector.Apis;

/// <summary>What a bad query parameter is told, in both languages; the English texts are the ones answered before issue 17.</summary>
public static class ParameterTexts
{
    /// <summary>A month that is not <c>yyyy-MM</c>.</summary>
    public static Bilingual Month(string? value) => Bilingual.KeyValue("month", value, "format aaaa-MM attendu.", "use yyyy-MM.");

    /// <summary>A time that is not RFC 3339.</summary>
    public static Bilingual Time(string key, string? value) =>
        Bilingual.KeyValue(key, value, "pas une date-heure RFC\u00a03339.", "not an RFC 3339 time.");

    /// <summary>A value outside its two choices (<c>lang</c>: fr or en; <c>format</c>: json or csv…).</summary>
    public static Bilingual OneOf(string key, string? value, string first, string second) =>
        Bilingual.KeyValue(key, value, $"{first} ou {second}.", $"{first} or {second}.");

    /// <summary>A required parameter left out.</summary>
    public static Bilingual Required(string key, string fr, string en) =>
        new($"«\u00a0{key}\u00a0» est requis ({fr}).", $"{key} is required ({en}).");
}
