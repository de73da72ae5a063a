using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Health.Http;
using Chezlepro.Health.Pbs;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.Pbs;

/// <summary>Creates <c>pbs</c> sources (README.md in this folder lists the keys).</summary>
public sealed class PbsSourceFactory : SourceFactory<(ApiClientOptions Api, PbsReadOptions Read)>
{
    /// <inheritdoc />
    public override string Type => "pbs";

    internal override (ApiClientOptions Api, PbsReadOptions Read) Parse(SourceKeys keys)
    {
        var api = ApiConnection.Parse(keys);
        var d = new PbsThresholds();
        var thresholds = new PbsThresholds
        {
            BackupWarningAge = keys.Time("BackupWarningAge", d.BackupWarningAge, TimeSpan.FromMinutes(5), TimeSpan.FromDays(400)),
            BackupCriticalAge = keys.Time("BackupCriticalAge", d.BackupCriticalAge, TimeSpan.FromMinutes(5), TimeSpan.FromDays(400)),
            DatastoreWarning = keys.Fraction("DatastoreWarning", d.DatastoreWarning),
            DatastoreCritical = keys.Fraction("DatastoreCritical", d.DatastoreCritical),
            FullWithin = keys.Time("FullWithin", d.FullWithin, TimeSpan.Zero, TimeSpan.FromDays(400)),
        };
        if (thresholds.BackupCriticalAge < thresholds.BackupWarningAge)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("BackupCriticalAge")}: {thresholds.BackupCriticalAge} must not be shorter than {keys.Definition.Key("BackupWarningAge")} ({thresholds.BackupWarningAge})",
                "ne doit pas être plus court que BackupWarningAge"));
        if (thresholds.DatastoreCritical < thresholds.DatastoreWarning)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("DatastoreCritical")}: {thresholds.DatastoreCritical} must not be below {keys.Definition.Key("DatastoreWarning")} ({thresholds.DatastoreWarning})",
                "ne doit pas être sous DatastoreWarning"));
        return (api, new PbsReadOptions { Datastores = keys.List("Datastore", "Datastores"), Thresholds = thresholds });
    }

    internal override ISource Build(SourceDefinition definition, (ApiClientOptions Api, PbsReadOptions Read) settings, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Chezlepro.Agent.Sources.Pbs");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return new PbsSource(definition.Name, new PbsHealthReader(definition.Name, settings.Api, settings.Read, time, logger), new HealthReadingConverter(logger));
    }
}
