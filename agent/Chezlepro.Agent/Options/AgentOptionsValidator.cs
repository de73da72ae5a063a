using Chezlepro.Contracts.Identity;
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
            problems.Add($"Agent:Site = '{options.Site}': must match [a-z0-9][a-z0-9-]{{0,31}}.");
        if (!Identifiers.IsValidId(options.Node))
            problems.Add($"Agent:Node = '{options.Node}': must match [a-z0-9][a-z0-9-]{{0,31}}.");
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            problems.Add("Agent:DataDirectory is empty: give the folder of the outbox.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
