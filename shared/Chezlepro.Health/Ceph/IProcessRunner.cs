namespace Chezlepro.Health.Ceph;

/// <summary>Runs a command and captures its output; a seam so the ceph CLI mode is testable without ceph.</summary>
public interface IProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/>, killing it after <paramref name="timeout"/>.</summary>
    /// <param name="fileName">Executable.</param>
    /// <param name="arguments">Arguments, passed without a shell.</param>
    /// <param name="timeout">Hard limit.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);
}
