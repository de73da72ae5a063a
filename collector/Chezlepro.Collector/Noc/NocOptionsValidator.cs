using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc;

/// <summary>Start-up checks of <see cref="NocOptions"/>; messages carry the key and the value.</summary>
public sealed class NocOptionsValidator : IValidateOptions<NocOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, NocOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        // The key is shared with the failover round, whose validator applies the same range: the NOC's timer needs no
        // other, but it must not depend on failover being registered to be checked.
        if (options.Interval < TimeSpan.FromMilliseconds(100) || options.Interval > TimeSpan.FromMinutes(1))
            failures.Add(ValidationText.Of($"Failover:Interval = {options.Interval}: must be between 00:00:00.1 and 00:01:00.", "doit être entre 00:00:00.1 et 00:01:00."));
        if (options.ServiceLevelAlertInterval < TimeSpan.FromSeconds(1) || options.ServiceLevelAlertInterval > TimeSpan.FromMinutes(5))
            failures.Add(ValidationText.Of($"Failover:ServiceLevelAlertInterval = {options.ServiceLevelAlertInterval}: must be between 00:00:01 and 00:05:00.", "doit être entre 00:00:01 et 00:05:00."));
        if (options.ServiceLevelAlertLookback < TimeSpan.FromHours(1) || options.ServiceLevelAlertLookback > TimeSpan.FromDays(31))
            failures.Add(ValidationText.Of($"Failover:ServiceLevelAlertLookback = {options.ServiceLevelAlertLookback}: must be between 01:00:00 and 31.00:00:00.", "doit être entre 01:00:00 et 31.00:00:00."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
