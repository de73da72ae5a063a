using System.Globalization;
using System.Text.Json.Nodes;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Health;

/// <summary>
/// A summary in French (Québec; what the status page and clients read) and English (<c>summaryEn</c>, what operators
/// grep). French typography as in the collector's client report: decimal comma and a no-break space (U+00A0) before
/// <c>%</c>, <c>:</c> and <c>;</c>. Numbers are formatted with fixed separators, never the machine's culture (the
/// agent may run with invariant globalization).
/// </summary>
/// <param name="Fr">French text.</param>
/// <param name="En">English text.</param>
public readonly record struct HealthText(string Fr, string En)
{
    /// <summary>The no-break space of French typography.</summary>
    public const char NoBreakSpace = '\u00a0';

    private static readonly CultureInfo French = FrenchNumbers();

    /// <summary>Both texts from interpolations: the French one formatted with a decimal comma, the English one invariantly.</summary>
    public static HealthText Of(FormattableString fr, FormattableString en)
    {
        ArgumentNullException.ThrowIfNull(fr);
        ArgumentNullException.ThrowIfNull(en);
        return new(fr.ToString(French), en.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The same text in both languages (a vendor's own message, a name).</summary>
    public static HealthText Same(string text) => new(text, text);

    /// <summary>Parts joined: <c>« ; »</c> in French, <c>"; "</c> in English.</summary>
    public static HealthText Join(IEnumerable<HealthText> parts)
    {
        var list = parts.ToList();
        return new(string.Join(NoBreakSpace + "; ", list.Select(p => p.Fr)), string.Join("; ", list.Select(p => p.En)));
    }

    /// <summary><c>{label} : {text}</c> / <c>{label}: {text}</c>.</summary>
    public static HealthText Labelled(string label, HealthText text) => Labelled(Same(label), text);

    /// <summary>A label in each language followed by its text.</summary>
    public static HealthText Labelled(HealthText label, HealthText text) => new($"{label.Fr}{NoBreakSpace}: {text.Fr}", $"{label.En}: {text.En}");

    /// <summary>This text followed by <paramref name="other"/>.</summary>
    public HealthText Append(HealthText other) => new(Fr + other.Fr, En + other.En);

    /// <summary>The check result carrying both texts.</summary>
    public CheckResult Result(string check, HealthStatus status, JsonObject? details = null) => new(check, status, Fr, details) { SummaryEn = En };

    private static CultureInfo FrenchNumbers()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = NoBreakSpace.ToString();
        return CultureInfo.ReadOnly(c);
    }
}
