namespace Chezlepro.Collector.Incidents.Notices;

/// <summary>The types of a notice record (README.md in this folder says what each one owes and when).</summary>
public static class NoticeTypes
{
    /// <summary>First notice to the client.</summary>
    public const string First = "first";

    /// <summary>Update while the incident is open.</summary>
    public const string Update = "update";

    /// <summary>The service is restored.</summary>
    public const string Resolution = "resolution";

    /// <summary>The post-incident report (P1/P2).</summary>
    public const string Postmortem = "postmortem";

    /// <summary>The notice of a breach (personal or client data), owed within 72 h of the breach being declared.</summary>
    public const string Breach = "breach";

    /// <summary>
    /// Not a notice to the client: the provider's record that a breach was established at <c>sentAt</c>; it starts the
    /// 72 h of the <see cref="Breach"/> notice.
    /// </summary>
    public const string BreachDeclared = "breach-declared";

    /// <summary>Every type, in the order of an incident's life.</summary>
    public static IReadOnlyList<string> All { get; } = [First, Update, Resolution, Postmortem, Breach, BreachDeclared];

    /// <summary>Whether a text is one of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
