namespace Chezlepro.Contracts.Identity;

/// <summary>
/// The identity charsets of contract.md: sites and nodes are <c>[a-z0-9][a-z0-9-]{0,31}</c>; source and
/// check names add <c>.</c>. Nothing else (in particular no <c>+ # $ /</c> or control character) can reach a topic.
/// </summary>
public static class Identifiers
{
    /// <summary>Longest site or node identity.</summary>
    public const int MaxIdLength = 32;

    /// <summary>Longest source or check name (a check carries a node or guest name, so it is longer).</summary>
    public const int MaxNameLength = 128;

    /// <summary>True when <paramref name="value"/> is a valid site or node identity.</summary>
    /// <param name="value">Candidate identity.</param>
    public static bool IsValidId(string? value) => IsValid(value, MaxIdLength, allowDot: false);

    /// <summary>True when <paramref name="value"/> is a valid source or check name.</summary>
    /// <param name="value">Candidate name.</param>
    public static bool IsValidName(string? value) => IsValid(value, MaxNameLength, allowDot: true);

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="what"/> when the identity is invalid.</summary>
    /// <param name="value">Candidate identity.</param>
    /// <param name="what">What the value is, for the message (for example <c>Agent:Site</c>).</param>
    /// <returns>The value, unchanged.</returns>
    public static string RequireId(string? value, string what) =>
        IsValidId(value) ? value! : throw new ArgumentException(
            $"{what} '{Printable(value)}' is not a valid identity: use [a-z0-9][a-z0-9-]{{0,31}}.", what);

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="what"/> when the name is invalid.</summary>
    /// <param name="value">Candidate name.</param>
    /// <param name="what">What the value is, for the message.</param>
    /// <returns>The value, unchanged.</returns>
    public static string RequireName(string? value, string what) =>
        IsValidName(value) ? value! : throw new ArgumentException(
            $"{what} '{Printable(value)}' is not a valid name: use [a-z0-9][a-z0-9.-]{{0,127}}.", what);

    /// <summary>Turns a free-form label (a Proxmox node, a datastore) into a valid name fragment.</summary>
    /// <param name="label">Label to normalise.</param>
    /// <returns>Lower-case letters, digits and dashes; other characters become dashes.</returns>
    public static string Normalize(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        Span<char> buffer = stackalloc char[Math.Min(label.Length, MaxIdLength * 2)];
        var n = 0;
        foreach (var raw in label)
        {
            if (n == buffer.Length) break;
            var c = char.ToLowerInvariant(raw);
            buffer[n++] = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-';
        }
        var s = new string(buffer[..n]).Trim('-');
        return s.Length == 0 ? "x" : s;
    }

    private static bool IsValid(string? value, int max, bool allowDot)
    {
        if (string.IsNullOrEmpty(value) || value.Length > max) return false;
        if (!IsLowerAlnum(value[0])) return false;
        foreach (var c in value.AsSpan(1))
        {
            if (IsLowerAlnum(c) || c == '-' || (allowDot && c == '.')) continue;
            return false;
        }
        return true;
    }

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    // Messages never echo control characters back into logs.
    private static string Printable(string? value)
    {
        if (value is null) return "(null)";
        var s = value.Length > 40 ? value[..40] + "…" : value;
        return string.Create(s.Length, s, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++) span[i] = char.IsControl(src[i]) ? '?' : src[i];
        });
    }
}
