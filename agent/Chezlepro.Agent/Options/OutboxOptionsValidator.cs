using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Options;

/// <summary>Checks the <c>Outbox</c> section.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var problems = new List<string>();
        if (options.MaxBytes < 1 << 20) problems.Add(ValidationText.Of($"Outbox:MaxBytes = {options.MaxBytes}: must be at least 1048576 (1 MiB).", "doit être d’au moins 1048576 (1\u00a0Mio)."));
        if (options.MaxAge < TimeSpan.FromHours(1)) problems.Add(ValidationText.Of($"Outbox:MaxAge = {options.MaxAge}: must be at least 01:00:00.", "doit être d’au moins 01:00:00."));
        if (options.BatchSize is < 1 or > 10000) problems.Add(ValidationText.Of($"Outbox:BatchSize = {options.BatchSize}: must be 1-10000.", "doit être entre 1 et 10000."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
