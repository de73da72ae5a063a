using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Actions;

/// <summary>Checks the <c>Actions</c> section: every problem with its key and value.</summary>
public sealed class LocalActionsOptionsValidator : IValidateOptions<LocalActionsOptions>
{
    // A shutdown script takes minutes; past an hour on battery the site is dark anyway.
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LocalActionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>(options.ReadErrors);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Actions.Count; i++)
        {
            var a = options.Actions[i];
            var key = $"{LocalActionsOptions.SectionName}:{i}";
            if (a.Name.Length == 0 || !a.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                problems.Add($"{key}:Name: '{a.Name}' is required: letters, digits, '-' or '_' (it becomes the alert id action-<name>)");
            }
            else if (!names.Add(a.Name))
            {
                problems.Add($"{key}:Name: '{a.Name}' is used by another action");
            }
            // Absolute: the service's PATH and working directory are not the operator's shell's.
            if (!Path.IsPathFullyQualified(a.Command))
            {
                problems.Add($"{key}:Command: '{a.Command}' must be an absolute path (run without a shell)");
            }
            // A bare number parses as days ("15" is 15.00:00:00): the bound catches minutes written without hh:mm.
            if (a.RuntimeBelow is { } below && (below <= TimeSpan.Zero || below > TimeSpan.FromDays(1)))
            {
                problems.Add($"{key}:RuntimeBelow: '{below}' must be above 00:00:00 and at most 1.00:00:00, as hh:mm:ss (or left out: the grid loss alone)");
            }
            if (a.Hold < TimeSpan.Zero || a.Hold > TimeSpan.FromDays(1))
            {
                problems.Add($"{key}:Hold: '{a.Hold}' must be between 00:00:00 and 1.00:00:00");
            }
            if (a.Timeout <= TimeSpan.Zero || a.Timeout > MaxTimeout)
            {
                problems.Add($"{key}:Timeout: '{a.Timeout}' must be above 00:00:00 and at most {MaxTimeout}");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
