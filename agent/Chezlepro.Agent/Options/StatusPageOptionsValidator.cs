using Chezlepro.Agent.StatusPage.Http;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Options;

/// <summary>Checks the <c>StatusPage</c> section.</summary>
public sealed class StatusPageOptionsValidator : IValidateOptions<StatusPageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StatusPageOptions options)
    {
        _ = ListenEndpoints.Parse(options.Urls, out var problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
