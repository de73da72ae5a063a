using Chezlepro.Contracts.Identity;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Options;

/// <summary>Checks the <c>Agent</c> section; every message names the key and the value.</summary>
public sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var problems = new List<string>();
        if (!Identifiers.IsValidId(options.Site))
            problems.Add(ValidationText.Of($"Agent:Site = '{options.Site}': must match [a-z0-9][a-z0-9-]{{0,31}}.", "doit respecter [a-z0-9][a-z0-9-]{0,31}."));
        if (!Identifiers.IsValidId(options.Node))
            problems.Add(ValidationText.Of($"Agent:Node = '{options.Node}': must match [a-z0-9][a-z0-9-]{{0,31}}.", "doit respecter [a-z0-9][a-z0-9-]{0,31}."));
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            problems.Add(ValidationText.Of("Agent:DataDirectory is empty: give the folder of the outbox.", "est vide\u00a0: donnez le dossier de la file d’envoi."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
