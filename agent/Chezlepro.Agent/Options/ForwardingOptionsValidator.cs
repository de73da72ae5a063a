using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Options;

/// <summary>Checks the <c>Forwarding</c> section.</summary>
public sealed class ForwardingOptionsValidator : IValidateOptions<ForwardingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ForwardingOptions options) =>
        options.AckTimeout < ForwardingOptions.MinAckTimeout || options.AckTimeout > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail(ValidationText.Of($"Forwarding:AckTimeout = {options.AckTimeout}: must be between {ForwardingOptions.MinAckTimeout} and 1.00:00:00.",
                $"doit être entre {ForwardingOptions.MinAckTimeout} et 1.00:00:00."))
            : ValidateOptionsResult.Success;
}
