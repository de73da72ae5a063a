using Microsoft.Extensions.Configuration;

namespace Chezlepro.Hosting.Configuration;

/// <summary>
/// The configuration layers of contract.md, the same for the agent and the collector, lowest first:
/// <c>appsettings.json</c> next to the binary, the system file (<c>/etc/chezlepro/&lt;role&gt;.json</c>,
/// <c>%ProgramData%\Chezlepro\&lt;role&gt;.json</c>) or the file given with <c>--config</c>, systemd credentials
/// (<c>$CREDENTIALS_DIRECTORY</c>, one file per key, <c>__</c> for <c>:</c>), <c>CHEZLEPRO_</c> environment
/// variables, then <c>--Section:Key=value</c> arguments.
/// </summary>
public static class ServiceConfiguration
{
    /// <summary>Role name of the site agent (<c>agent.json</c>).</summary>
    public const string AgentRole = "agent";

    /// <summary>Role name of the central collector (<c>collector.json</c>).</summary>
    public const string CollectorRole = "collector";

    /// <summary>Builds the layers into <paramref name="builder"/>.</summary>
    /// <param name="builder">Configuration to fill (its existing sources are replaced).</param>
    /// <param name="args">Command-line arguments (<c>--config</c> is consumed).</param>
    /// <param name="role"><see cref="AgentRole"/> or <see cref="CollectorRole"/>: names the system file.</param>
    /// <exception cref="FileNotFoundException">The <c>--config</c> file does not exist.</exception>
    /// <exception cref="InvalidDataException">A JSON file cannot be parsed.</exception>
    public static IConfigurationBuilder Apply(IConfigurationBuilder builder, string[] args, string role)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        var (configFile, rest) = SplitConfigArgument(args);
        builder.Sources.Clear();
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (configFile is not null) builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        else builder.AddJsonFile(SystemFile(role), optional: true, reloadOnChange: false);
        if (Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials && Directory.Exists(credentials))
            builder.AddInMemoryCollection(ReadCredentials(credentials));
        builder.AddEnvironmentVariables("CHEZLEPRO_");
        builder.AddCommandLine(rest);
        return builder;
    }

    /// <summary>
    /// Loads the layers for a command that must report, not throw (<c>check-config</c>): a missing or unreadable
    /// file becomes <paramref name="problem"/>.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="role"><see cref="AgentRole"/> or <see cref="CollectorRole"/>.</param>
    /// <param name="configuration">The loaded configuration, or null.</param>
    /// <param name="problem">Why it could not be loaded, or null.</param>
    public static bool TryLoad(string[] args, string role, out IConfiguration? configuration, out string? problem)
    {
        var manager = new ConfigurationManager();
        try
        {
            Apply(manager, args, role);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            manager.Dispose();
            configuration = null;
            problem = $"configuration: {ex.Message}";
            return false;
        }
        configuration = manager;
        problem = null;
        return true;
    }

    /// <summary>The system file of a role on this operating system.</summary>
    /// <param name="role"><see cref="AgentRole"/> or <see cref="CollectorRole"/>.</param>
    public static string SystemFile(string role) => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Chezlepro", role + ".json")
        : Path.Combine("/etc/chezlepro", role + ".json");

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

    /// <summary>Separates <c>--config &lt;file&gt;</c> (also <c>-c</c>, <c>--config=</c>) from the other arguments.</summary>
    /// <param name="args">Command-line arguments.</param>
    public static (string? ConfigFile, string[] Remaining) SplitConfigArgument(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
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
