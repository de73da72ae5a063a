namespace Chezlepro.Testing.Processes;

/// <summary>A peer the test started could not have the port it was given: another process listens there.</summary>
public sealed class PortTakenException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="port"/>.</summary>
    public PortTakenException(int port, string detail)
        : base($"port {port} is another process's listener: {detail}")
    {
        Port = port;
    }

    /// <summary>The port that was taken.</summary>
    public int Port { get; }
}
