using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Failover;

/// <summary>Start-up checks of <see cref="FailoverOptions"/>; messages carry the key and the value.</summary>
public sealed class FailoverOptionsValidator : IValidateOptions<FailoverOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FailoverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromMilliseconds(100) || options.Interval > TimeSpan.FromMinutes(1))
            failures.Add(ValidationText.Of($"Failover:Interval = {options.Interval}: must be between 00:00:00.1 and 00:01:00.", "doit être entre 00:00:00.1 et 00:01:00."));
        if (options.StaleAfter <= TimeSpan.Zero)
            failures.Add(ValidationText.Of($"Failover:StaleAfter = {options.StaleAfter}: must be positive.", "doit être positif."));
        if (options.MaxObservationGap <= options.Interval)
            failures.Add(ValidationText.Of($"Failover:MaxObservationGap = {options.MaxObservationGap}: must exceed Failover:Interval ({options.Interval}).", $"doit dépasser Failover:Interval ({options.Interval})."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
