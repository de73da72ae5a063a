namespace Chezlepro.Agent.Sources.Patches;

/// <summary>What a <c>patches</c> entry configures (README.md in this folder).</summary>
public sealed record PatchesSettings
{
    /// <summary>The simulation command (<c>apt-get</c>, found on PATH).</summary>
    public string Command { get; init; } = "apt-get";

    /// <summary>Its arguments (no shell).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = ["-s", "dist-upgrade"];

    /// <summary>apt's history log; the rotated <c>&lt;path&gt;.1.gz</c> is read when it holds no upgrade.</summary>
    public string HistoryPath { get; init; } = "/var/log/apt/history.log";

    /// <summary>Time limit of the simulation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Security updates pending while the last upgrade is older than this many days → warning.</summary>
    public int SecurityGraceDays { get; init; } = 7;
}
