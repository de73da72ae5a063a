using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Health.Ceph;
using Chezlepro.Health.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Ceph;

/// <summary>
/// Creates <c>ceph</c> sources. <c>Mode</c> is <c>proxmox-api</c> (default; connection keys of its own, or
/// borrowed from the <c>proxmox</c> source named by <c>ProxmoxSource</c>, else the first one) or <c>cli</c>.
/// </summary>
public sealed class CephSourceFactory : ISourceFactory
{
    internal const string ApiMode = "proxmox-api";
    internal const string CliMode = "cli";

    /// <inheritdoc />
    public string Type => "ceph";

    /// <inheritdoc />
    public IEnumerable<string> Validate(SourceDefinition definition)
    {
        var errors = new List<string>();
        var keys = new SourceKeys(definition, errors);
        var mode = Mode(keys);
        if (mode == ApiMode && ApiConnection.IsConfigured(keys))
            ApiConnection.Parse(keys);
        else if (mode == CliMode)
            ParseCli(keys);
        return errors;
    }

    /// <inheritdoc />
    public ISource Create(SourceDefinition definition, IServiceProvider services)
    {
        var errors = new List<string>();
        var keys = new SourceKeys(definition, errors);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Chezlepro.Agent.Sources.Ceph");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var converter = new HealthReadingConverter(logger);
        if (Mode(keys) == CliMode)
        {
            var cli = ParseCli(keys);
            Throw(errors);
            return new CephSource(definition.Name, CephHealthReader.ViaCli(cli, new SystemProcessRunner(time), logger), converter, null);
        }
        var api = ApiConnection.IsConfigured(keys) ? ApiConnection.Parse(keys) : Borrow(keys, services);
        Throw(errors);
        var http = new ApiHttpClient(api, ApiFlavor.ProxmoxVe, time, logger);
        return new CephSource(definition.Name, CephHealthReader.ViaProxmox(http, logger), converter, http);
    }

    internal static string Mode(SourceKeys keys)
    {
        var mode = keys.String("Mode") ?? ApiMode;
        if (mode is ApiMode or CliMode)
            return mode;
        keys.Errors.Add($"{keys.Definition.Key("Mode")}: '{mode}' must be '{ApiMode}' or '{CliMode}'");
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

    // contract.md's example ceph entry has no BaseUrl: it reads through the proxmox source's connection.
    private static ApiClientOptions Borrow(SourceKeys keys, IServiceProvider services)
    {
        var wanted = keys.String("ProxmoxSource");
        var sources = services.GetService<IConfiguration>()?.GetSection("Sources").GetChildren().ToList() ?? [];
        var index = sources.FindIndex(s => string.Equals(s["Type"], "proxmox", StringComparison.OrdinalIgnoreCase)
            && (wanted is null || string.Equals(s["Name"], wanted, StringComparison.Ordinal)));
        if (index < 0)
        {
            keys.Errors.Add($"{keys.Definition.Key("BaseUrl")}: Mode '{ApiMode}' needs BaseUrl/TokenId/TokenSecret here or a 'proxmox' source"
                + (wanted is null ? "" : $" named '{wanted}' ({keys.Definition.Key("ProxmoxSource")})"));
            return new ApiClientOptions();
        }
        var entry = sources[index];
        var borrowed = new SourceDefinition(int.TryParse(entry.Key, out var i) ? i : index, "proxmox", entry["Name"] ?? "", TimeSpan.Zero, entry);
        return ApiConnection.Parse(new SourceKeys(borrowed, keys.Errors));
    }

    private static void Throw(List<string> errors)
    {
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("; ", errors));
    }
}
