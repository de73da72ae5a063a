using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Health.Ceph;
using Chezlepro.Health.Http;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Ceph;

/// <summary>
/// Creates <c>ceph</c> sources. <c>Mode</c> is <c>proxmox-api</c> (default; connection keys of its own, or
/// borrowed from the <c>proxmox</c> source named by <c>ProxmoxSource</c>, else the first one) or <c>cli</c>.
/// </summary>
public sealed class CephSourceFactory : SourceFactory<(CephCliOptions? Cli, ApiClientOptions? Api)>
{
    internal const string ApiMode = "proxmox-api";
    internal const string CliMode = "cli";

    /// <inheritdoc />
    public override string Type => "ceph";

    internal override (CephCliOptions? Cli, ApiClientOptions? Api) Parse(SourceKeys keys)
    {
        if (Mode(keys) == CliMode)
            return (ParseCli(keys), null);
        return (null, ApiConnection.IsConfigured(keys) ? ApiConnection.Parse(keys) : Borrow(keys));
    }

    internal override ISource Build(SourceDefinition definition, (CephCliOptions? Cli, ApiClientOptions? Api) settings, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Chezlepro.Agent.Sources.Ceph");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var converter = new HealthReadingConverter(logger);
        if (settings.Cli is { } cli)
            return new CephSource(definition.Name, CephHealthReader.ViaCli(cli, new SystemProcessRunner(time), logger), converter, null);
        var http = new ApiHttpClient(settings.Api!, ApiFlavor.ProxmoxVe, time, logger);
        return new CephSource(definition.Name, CephHealthReader.ViaProxmox(http, logger), converter, http);
    }

    internal static string Mode(SourceKeys keys)
    {
        var mode = keys.String("Mode") ?? ApiMode;
        if (mode is ApiMode or CliMode)
            return mode;
        keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Mode")}: '{mode}' must be '{ApiMode}' or '{CliMode}'", $"doit être «\u00a0{ApiMode}\u00a0» ou «\u00a0{CliMode}\u00a0»"));
        return ApiMode;
    }

    internal static CephCliOptions ParseCli(SourceKeys keys) => new()
    {
        Executable = keys.String("Executable") ?? "ceph",
        ConnectTimeout = keys.Time("ConnectTimeout", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)),
        ClientName = keys.String("ClientName"),
        Keyring = keys.String("Keyring"),
        ConfigFile = keys.String("ConfigFile"),
    };

    // contract.md's example ceph entry has no BaseUrl: it reads through the proxmox source's connection. The
    // search runs over the configuration the entry came from, so check-config finds a missing one too.
    private static ApiClientOptions Borrow(SourceKeys keys)
    {
        var wanted = keys.String("ProxmoxSource");
        var sources = keys.Definition.Configuration.GetSection("Sources").GetChildren().ToList();
        var index = sources.FindIndex(s => string.Equals(s["Type"], "proxmox", StringComparison.Ordinal)
            && (wanted is null || string.Equals(s["Name"], wanted, StringComparison.Ordinal)));
        if (index < 0)
        {
            keys.Errors.Add(wanted is null
                ? ValidationText.Of($"{keys.Definition.Key("Mode")}: '{ApiMode}' needs BaseUrl/TokenId/TokenSecret on this entry or a 'proxmox' source to borrow them from",
                    "demande BaseUrl/TokenId/TokenSecret sur cette entrée ou une source «\u00a0proxmox\u00a0» à qui les emprunter")
                : ValidationText.Of($"{keys.Definition.Key("ProxmoxSource")}: '{wanted}' names no 'proxmox' source; give BaseUrl/TokenId/TokenSecret on this entry or name one",
                    "ne nomme aucune source «\u00a0proxmox\u00a0»\u00a0; donnez BaseUrl/TokenId/TokenSecret sur cette entrée ou nommez-en une"));
            return new ApiClientOptions();
        }
        var entry = sources[index];
        // The lender's own entry reports its bad keys; here only whether there is a connection to borrow.
        var borrowed = new SourceDefinition(int.TryParse(entry.Key, out var i) ? i : index, "proxmox", entry["Name"] ?? "", TimeSpan.Zero,
            entry, keys.Definition.Configuration);
        var lenderProblems = new List<string>();
        var api = ApiConnection.Parse(new SourceKeys(borrowed, lenderProblems));
        if (lenderProblems.Count > 0)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Mode")}: '{ApiMode}' borrows the connection of Sources:{borrowed.Index} ('{borrowed.Name}'), which has problems",
                "emprunte la connexion d’une source qui a des problèmes"));
        // The runner cancels a poll that outlives this entry's interval, whoever's timeout it reads with.
        else if (keys.Definition.Interval > TimeSpan.Zero && api.Timeout >= keys.Definition.Interval)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Interval")}: {keys.Definition.Interval} must be longer than the borrowed {borrowed.Key("Timeout")} ({api.Timeout})",
                "doit dépasser le délai d’attente emprunté"));
        return api;
    }
}
