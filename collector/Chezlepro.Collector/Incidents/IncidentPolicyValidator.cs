using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Incidents;

/// <summary>
/// Start-up checks of the <c>Incidents</c> section (<see cref="IncidentPolicy"/>); every message names the key and
/// the value. Before, a negative or zero target bound silently and turned every incident into a breach.
/// </summary>
public sealed class IncidentPolicyValidator : IValidateOptions<IncidentPolicy>
{
    // A debounce longer than a day would hide whole outages from the incident list.
    private static readonly TimeSpan MaxDebounce = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IncidentPolicy options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        CheckDebounce($"{IncidentPolicy.SectionName}:Debounce", options.Debounce, problems);
        CheckDebounce($"{IncidentPolicy.SectionName}:RestoreDebounce", options.RestoreDebounce, problems);
        CheckTargets($"{IncidentPolicy.SectionName}:P1", options.P1, problems);
        CheckTargets($"{IncidentPolicy.SectionName}:P2", options.P2, problems);
        CheckTargets($"{IncidentPolicy.SectionName}:P3", options.P3, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckDebounce(string key, TimeSpan value, List<string> problems)
    {
        if (value < TimeSpan.Zero || value > MaxDebounce) problems.Add(ValidationText.Of($"{key} = {value}: must be between 00:00:00 and {MaxDebounce}.", $"doit être entre 00:00:00 et {MaxDebounce}."));
    }

    private static void CheckTargets(string key, PriorityTargets? targets, List<string> problems)
    {
        if (targets is null)
        {
            problems.Add(ValidationText.Of($"{key} is empty: a priority needs its Acknowledge and Restore targets.", "est vide\u00a0: une priorité a besoin de ses cibles Acknowledge et Restore."));
            return;
        }
        CheckPositive($"{key}:Acknowledge", targets.Acknowledge, problems);
        CheckPositive($"{key}:Restore", targets.Restore, problems);
        if (targets.ClientNotice is { } notice) CheckPositive($"{key}:ClientNotice", notice, problems);
        if (targets.UpdateEvery is { } every) CheckPositive($"{key}:UpdateEvery", every, problems);
    }

    private static void CheckPositive(string key, TimeSpan value, List<string> problems)
    {
        if (value <= TimeSpan.Zero) problems.Add(ValidationText.Of($"{key} = {value}: must be positive.", "doit être positif."));
    }
}
