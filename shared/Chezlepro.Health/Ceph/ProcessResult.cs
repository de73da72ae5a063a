namespace Chezlepro.Health.Ceph;

/// <summary>Outcome of one command.</summary>
/// <param name="ExitCode">Exit code (-1 when it could not start or was killed).</param>
/// <param name="StandardOutput">Captured standard output.</param>
/// <param name="StandardError">Captured standard error.</param>
/// <param name="TimedOut">True when it was killed at the time limit.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut = false);
