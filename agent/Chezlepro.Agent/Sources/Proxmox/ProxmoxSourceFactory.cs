using Chezlepro.Health.Http;
using Chezlepro.Health.Proxmox;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Proxmox;

/// <summary>Creates <c>proxmox</c> sources (README.md in this folder lists the keys).</summary>
public sealed class ProxmoxSourceFactory : SourceFactory<(ApiClientOptions Api, PveReadOptions Read)>
{
    /// <inheritdoc />
    public override string Type => "proxmox";

    internal override (ApiClientOptions Api, PveReadOptions Read) Parse(SourceKeys keys)
    {
        var api = ApiConnection.Parse(keys);
        var defaults = new PveThresholds();
        var read = new PveReadOptions
        {
            ReadNodeStatus = keys.Flag("ReadNodeStatus", true),
            ReadReplication = keys.Flag("ReadReplication", true),
            ReadPendingUpdates = keys.Flag("ReadPendingUpdates", false),
            Thresholds = new PveThresholds
            {
                MemoryWarning = keys.Fraction("MemoryWarning", defaults.MemoryWarning),
                CpuWarning = keys.Fraction("CpuWarning", defaults.CpuWarning),
                LoadPerCpuWarning = keys.Number("LoadPerCpuWarning", defaults.LoadPerCpuWarning, 0.1, 100),
                RootFsWarning = keys.Fraction("RootFsWarning", defaults.RootFsWarning),
                StorageWarning = keys.Fraction("StorageWarning", defaults.StorageWarning),
                HaMasterStaleAfter = keys.Time("HaMasterStaleAfter", defaults.HaMasterStaleAfter, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1)),
                ReplicationLagWarning = keys.Time("ReplicationLagWarning", defaults.ReplicationLagWarning, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)),
                ReplicationLagCritical = keys.Time("ReplicationLagCritical", defaults.ReplicationLagCritical, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30)),
                ReplicationFailuresWarning = keys.Integer("ReplicationFailuresWarning", defaults.ReplicationFailuresWarning, 1, 1000),
                ReplicationFailuresCritical = keys.Integer("ReplicationFailuresCritical", defaults.ReplicationFailuresCritical, 1, 1000),
            },
        };
        if (read.Thresholds.ReplicationLagCritical < read.Thresholds.ReplicationLagWarning)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("ReplicationLagCritical")}: '{read.Thresholds.ReplicationLagCritical}' must not be below ReplicationLagWarning ({read.Thresholds.ReplicationLagWarning})",
                "ne doit pas être sous ReplicationLagWarning"));
        if (read.Thresholds.ReplicationFailuresCritical < read.Thresholds.ReplicationFailuresWarning)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("ReplicationFailuresCritical")}: '{read.Thresholds.ReplicationFailuresCritical}' must not be below ReplicationFailuresWarning ({read.Thresholds.ReplicationFailuresWarning})",
                "ne doit pas être sous ReplicationFailuresWarning"));
        return (api, read);
    }

    internal override ISource Build(SourceDefinition definition, (ApiClientOptions Api, PveReadOptions Read) settings, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Chezlepro.Agent.Sources.Proxmox");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return new ProxmoxSource(definition.Name, new PveHealthReader(definition.Name, settings.Api, settings.Read, time, logger), new HealthReadingConverter(logger));
    }
}
