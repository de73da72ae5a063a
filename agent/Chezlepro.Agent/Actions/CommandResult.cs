namespace Chezlepro.Agent.Actions;

/// <summary>How a command ended.</summary>
/// <param name="ExitCode">Its exit code; null when it could not start or was killed.</param>
/// <param name="TimedOut">Killed at its timeout.</param>
/// <param name="Error">Why it could not start, or null.</param>
public sealed record CommandResult(int? ExitCode, bool TimedOut, string? Error)
{
    /// <summary>Ran to the end with exit code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>One line for logs and alerts.</summary>
    public string Describe() => TimedOut ? "timed out (killed)" : Error is not null ? $"could not start: {Error}" : $"exit code {ExitCode}";
}
