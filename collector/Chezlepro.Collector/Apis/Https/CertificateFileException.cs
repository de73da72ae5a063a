namespace Chezlepro.Collector.Apis.Https;

/// <summary>The <c>Api:Https</c> files do not give a usable server certificate; the message says why, never the password.</summary>
public sealed class CertificateFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CertificateFileException()
    {
    }

    /// <summary>Creates the exception with its reason.</summary>
    public CertificateFileException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    public CertificateFileException(string message, Exception inner) : base(message, inner)
    {
    }
}
