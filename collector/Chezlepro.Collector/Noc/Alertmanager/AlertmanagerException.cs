namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>A post to Alertmanager that did not succeed; <see cref="IsTransient"/> says whether retrying may help.</summary>
public sealed class AlertmanagerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AlertmanagerException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AlertmanagerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AlertmanagerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened (status or socket error), fit for the log.</param>
    /// <param name="transient">True for a refused connection, a timeout, 429 or 5xx; false for another 4xx (the body or the credentials are wrong).</param>
    public AlertmanagerException(string message, bool transient)
        : base(message) => IsTransient = transient;

    /// <summary>True when retrying may help.</summary>
    public bool IsTransient { get; }
}
