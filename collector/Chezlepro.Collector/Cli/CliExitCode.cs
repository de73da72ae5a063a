namespace Chezlepro.Collector.Cli;

/// <summary>Exit codes of the operator command line (sysexits.h where one fits, so scripts can tell causes apart).</summary>
public static class CliExitCode
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The API answered with an error (its status and message are printed).</summary>
    public const int ApiError = 1;

    /// <summary>Bad command line; the usage goes to stderr.</summary>
    public const int Usage = 2;

    /// <summary>The collector did not answer (EX_UNAVAILABLE).</summary>
    public const int Unreachable = 69;

    /// <summary>No key in <c>CHEZLEPRO_API_KEY</c>, or the API refused it (401/403; EX_NOPERM).</summary>
    public const int NoPermission = 77;
}
