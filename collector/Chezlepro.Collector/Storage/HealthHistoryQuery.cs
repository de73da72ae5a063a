namespace Chezlepro.Collector.Storage;

/// <summary>Argument checks of <see cref="IHealthResultHistory"/> shared by both stores.</summary>
internal static class HealthHistoryQuery
{
    /// <summary>The keys, each a plain field name (they become JSON paths), one to three of them.</summary>
    public static IReadOnlyList<string> Keys(string checkPrefix, IReadOnlyList<string> detailKeys)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkPrefix);
        ArgumentNullException.ThrowIfNull(detailKeys);
        if (detailKeys.Count is < 1 or > 3 || detailKeys.Any(k => k.Length == 0 || !k.All(char.IsAsciiLetterOrDigit)))
            throw new ArgumentException("one to three plain field names expected", nameof(detailKeys));
        return detailKeys;
    }

    /// <summary>The first name after every name starting with <paramref name="checkPrefix"/> (its last character plus one), for an index range.</summary>
    public static string End(string checkPrefix) => checkPrefix[..^1] + (char)(checkPrefix[^1] + 1);
}
