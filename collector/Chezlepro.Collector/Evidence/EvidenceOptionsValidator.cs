using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Evidence;

/// <summary>Start-up check of <c>Evidence</c>: a retention under the contracts' 12 months is refused with its key and value.</summary>
public sealed class EvidenceOptionsValidator : IValidateOptions<EvidenceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EvidenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Retention < EvidenceOptions.MinimumRetention
            ? ValidateOptionsResult.Fail($"{EvidenceOptions.SectionName}:Retention = {options.Retention}: must be at least {EvidenceOptions.MinimumRetention} (the contracts keep evidence 12 months).")
            : ValidateOptionsResult.Success;
    }
}
