namespace Chezlepro.Collector.Storage;

/// <summary>
/// The audit log refused a decision: its (group, epoch) is already written, or (PostgreSQL) the writer no longer
/// holds the decision-maker's lock. The decision must not be published; the writer re-reads the log instead.
/// </summary>
public sealed class FailoverAppendRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FailoverAppendRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FailoverAppendRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public FailoverAppendRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
