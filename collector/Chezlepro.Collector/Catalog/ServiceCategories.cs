namespace Chezlepro.Collector.Catalog;

/// <summary>The configuration spelling of <see cref="ServiceCategory"/> (the binder cannot map "non-critical").</summary>
public static class ServiceCategories
{
    /// <summary>Parses <c>critical</c>, <c>important</c> or <c>non-critical</c> (exact, lower case).</summary>
    public static bool TryParse(string? text, out ServiceCategory category)
    {
        switch (text)
        {
            case "critical": category = ServiceCategory.Critical; return true;
            case "important": category = ServiceCategory.Important; return true;
            case "non-critical": category = ServiceCategory.NonCritical; return true;
            default: category = default; return false;
        }
    }

    /// <summary>The configuration spelling.</summary>
    public static string ToText(ServiceCategory category) => category switch
    {
        ServiceCategory.Critical => "critical",
        ServiceCategory.Important => "important",
        _ => "non-critical",
    };
}
