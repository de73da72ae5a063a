using Chezlepro.Hosting.Configuration;
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
                problems.Add(ValidationText.Of($"{key}:Name: '{a.Name}' is required: letters, digits, '-' or '_' (it becomes the alert id action-<name>)",
                    "est requis\u00a0: lettres, chiffres, '-' ou '_' (il devient l’id d’alerte action-<nom>)"));
            }
            else if (!names.Add(a.Name))
            {
                problems.Add(ValidationText.Of($"{key}:Name: '{a.Name}' is used by another action", "est déjà pris par une autre action"));
            }
            // Absolute: the service's PATH and working directory are not the operator's shell's.
            if (!Path.IsPathFullyQualified(a.Command))
            {
                problems.Add(ValidationText.Of($"{key}:Command: '{a.Command}' must be an absolute path (run without a shell)", "doit être un chemin absolu (lancé sans shell)"));
            }
            // A bare number parses as days ("15" is 15.00:00:00): the bound catches minutes written without hh:mm.
            if (a.RuntimeBelow is { } below && (below <= TimeSpan.Zero || below > TimeSpan.FromDays(1)))
            {
                problems.Add(ValidationText.Of($"{key}:RuntimeBelow: '{below}' must be above 00:00:00 and at most 1.00:00:00, as hh:mm:ss (or left out: the grid loss alone)",
                    "doit dépasser 00:00:00 et valoir au plus 1.00:00:00, en hh:mm:ss (ou être omis\u00a0: la seule perte du réseau)"));
            }
            if (a.Hold < TimeSpan.Zero || a.Hold > TimeSpan.FromDays(1))
            {
                problems.Add(ValidationText.Of($"{key}:Hold: '{a.Hold}' must be between 00:00:00 and 1.00:00:00", "doit être entre 00:00:00 et 1.00:00:00"));
            }
            if (a.Timeout <= TimeSpan.Zero || a.Timeout > MaxTimeout)
            {
                problems.Add(ValidationText.Of($"{key}:Timeout: '{a.Timeout}' must be above 00:00:00 and at most {MaxTimeout}", $"doit dépasser 00:00:00 et valoir au plus {MaxTimeout}"));
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
