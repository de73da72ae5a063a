namespace Chezlepro.Collector.Evidence;

/// <summary>An entry holds a value outside the canonical form (Evidence/README.md); it is refused, never rewritten.</summary>
public sealed class EvidenceFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvidenceFormatException()
    {
    }

    /// <summary>Creates the exception with what is wrong.</summary>
    public EvidenceFormatException(string message)
        : base("Evidence record outside the canonical form: " + message)
    {
    }

    /// <summary>Creates the exception with what is wrong and its cause.</summary>
    public EvidenceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
