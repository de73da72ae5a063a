namespace Chezlepro.Collector.Texts;

/// <summary>
/// A message in French (Québec; what people read first) and English (what operators and scripts grep, unchanged from
/// before issue 17). French typography as HealthText and the client report: a no-break space (U+00A0) before
/// <c>:</c> and <c>;</c> and inside « ».
/// </summary>
/// <param name="Fr">French text.</param>
/// <param name="En">English text.</param>
public readonly record struct Bilingual(string Fr, string En)
{
    /// <summary>The no-break space of French typography.</summary>
    public const char NoBreakSpace = '\u00a0';

    /// <summary><c>key = « value » : reason</c> in French, <c>key = 'value': reason</c> in English (the key and value first, as every validation message).</summary>
    public static Bilingual KeyValue(string key, string? value, string fr, string en) =>
        new($"{key} = «{NoBreakSpace}{value}{NoBreakSpace}»{NoBreakSpace}: {fr}", $"{key} = '{value}': {en}");

    /// <summary>Parts joined: <c>« ; »</c> in French, <c>"; "</c> in English.</summary>
    public static Bilingual Join(IEnumerable<Bilingual> parts)
    {
        var list = parts.ToList();
        return new(string.Join(NoBreakSpace + "; ", list.Select(p => p.Fr)), string.Join("; ", list.Select(p => p.En)));
    }

    /// <summary>The English text (logs, exception messages).</summary>
    public override string ToString() => En;
}
