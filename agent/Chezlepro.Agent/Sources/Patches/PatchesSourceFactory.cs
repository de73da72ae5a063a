using Chezlepro.Health.Ceph;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Patches;

/// <summary>Creates <c>patches</c> sources (README.md in this folder lists the keys).</summary>
public sealed class PatchesSourceFactory : SourceFactory<PatchesSettings>
{
    // apt's messages and summary line are parsed: the C locale keeps them in English whatever the node's locale.
    private static readonly Dictionary<string, string> CLocale = new(StringComparer.Ordinal) { ["LC_ALL"] = "C", ["LANG"] = "C" };

    /// <inheritdoc />
    public override string Type => "patches";

    /// <inheritdoc />
    public override TimeSpan DefaultInterval => TimeSpan.FromHours(6);

    internal override PatchesSettings Parse(SourceKeys keys)
    {
        if (OperatingSystem.IsWindows())
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Type")} = 'patches': not supported on Windows (it reads apt)",
                "«\u00a0patches\u00a0» n’est pas pris en charge sous Windows (la source lit apt)"));
        var d = new PatchesSettings();
        var history = keys.String("HistoryPath") ?? d.HistoryPath;
        if (!Path.IsPathFullyQualified(history))
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("HistoryPath")}: '{history}' must be an absolute path", "doit être un chemin absolu"));
        var timeout = keys.Time("Timeout", d.Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30));
        if (timeout >= keys.Definition.Interval)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Timeout")}: {timeout} must be shorter than {keys.Definition.Key("Interval")} ({keys.Definition.Interval})",
                "doit être plus court que l’intervalle"));
        var arguments = keys.List("Arguments", "Arguments");
        return new PatchesSettings
        {
            Command = keys.String("Command") ?? d.Command,
            Arguments = arguments.Count > 0 ? arguments : d.Arguments,
            HistoryPath = history,
            Timeout = timeout,
            SecurityGraceDays = keys.Integer("SecurityGraceDays", d.SecurityGraceDays, 0, 365),
        };
    }

    internal override ISource Build(SourceDefinition definition, PatchesSettings settings, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Chezlepro.Agent.Sources.Patches");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return new PatchesSource(definition.Name, settings, new SystemProcessRunner(time, CLocale), time, logger);
    }
}
