namespace Chezlepro.Hosting.Configuration;

/// <summary>
/// A start-up validation message in both languages (issue 17), the one helper of every options validator of the agent
/// and the collector: the English text first and unchanged, key and value leading (operators grep it), then
/// <c>" / "</c> and the French reason, e.g. <c>Mqtt:Port = 70000: must be 1-65535 / doit être entre 1 et 65535.</c>
/// The French text is the reason only: the key and value are read once, at the start of the line.
/// </summary>
public static class ValidationText
{
    /// <summary>The separator between the English and the French text.</summary>
    public const string Separator = " / ";

    /// <summary>The no-break space of French typography (before <c>:</c> and <c>;</c>).</summary>
    public const char NoBreakSpace = '\u00a0';

    /// <summary>Both texts on one line; the English one loses its final period (the French one ends the line).</summary>
    /// <param name="en">The English message, key and value first.</param>
    /// <param name="fr">The French reason.</param>
    public static string Of(string en, string fr)
    {
        ArgumentNullException.ThrowIfNull(en);
        ArgumentNullException.ThrowIfNull(fr);
        return en.EndsWith('.') ? en[..^1] + Separator + fr : en + Separator + fr;
    }
}
