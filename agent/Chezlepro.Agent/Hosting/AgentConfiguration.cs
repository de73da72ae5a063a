using Microsoft.Extensions.Configuration;

namespace Chezlepro.Hosting;

/// <summary>
/// The configuration layers of contract.md, lowest first: <c>appsettings.json</c> next to the binary, the
/// system file (<c>/etc/chezlepro/agent.json</c>, <c>%ProgramData%\Chezlepro\agent.json</c>) or the file given
/// with <c>--config</c>, systemd credentials (<c>$CREDENTIALS_DIRECTORY</c>, one file per key, <c>__</c> for
/// <c>:</c>), <c>CHEZLEPRO_</c> environment variables, then <c>--Section:Key=value</c> arguments.
/// </summary>
internal static class AgentConfiguration
{
    /// <summary>Builds the layers into <paramref name="builder"/>.</summary>
    /// <param name="builder">Configuration to fill (its existing sources are replaced).</param>
    /// <param name="args">Command-line arguments (<c>--config</c> is consumed).</param>
    /// <param name="role"><c>agent</c> or <c>collector</c>.</param>
    public static IConfigurationBuilder Apply(IConfigurationBuilder builder, string[] args, string role)
    {
        var (configFile, rest) = SplitConfigArgument(args);
        builder.Sources.Clear();
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        var systemFile = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Chezlepro", role + ".json")
            : Path.Combine("/etc/chezlepro", role + ".json");
        if (configFile is not null) builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        else builder.AddJsonFile(systemFile, optional: true, reloadOnChange: false);
        if (Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials && Directory.Exists(credentials))
            builder.AddInMemoryCollection(ReadCredentials(credentials));
        builder.AddEnvironmentVariables("CHEZLEPRO_");
        builder.AddCommandLine(rest);
        return builder;
    }

    /// <summary>
    /// One key per file, as systemd's <c>LoadCredential=</c> lays them out: the file name with <c>__</c> for
    /// <c>:</c> is the key, the content without its trailing line break the value. Hidden and oversized files
    /// (over 64 KiB: not a secret, a mistake) are skipped.
    /// </summary>
    /// <param name="directory">The credentials directory.</param>
    public static IEnumerable<KeyValuePair<string, string?>> ReadCredentials(string directory)
    {
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (file.Name.StartsWith('.') || file.Length > 64 * 1024) continue;
            var key = file.Name.Replace("__", ":", StringComparison.Ordinal);
            values.Add(new(key, File.ReadAllText(file.FullName).TrimEnd('\r', '\n')));
        }
        return values;
    }

    /// <summary>Separates <c>--config &lt;file&gt;</c> from the other arguments.</summary>
    public static (string? ConfigFile, string[] Remaining) SplitConfigArgument(string[] args)
    {
        string? file = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--config" or "-c" && i + 1 < args.Length) file = args[++i];
            else if (args[i].StartsWith("--config=", StringComparison.Ordinal)) file = args[i]["--config=".Length..];
            else rest.Add(args[i]);
        }
        return (file, rest.ToArray());
    }
}
