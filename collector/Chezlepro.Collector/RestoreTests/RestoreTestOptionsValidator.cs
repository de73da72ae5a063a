using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.RestoreTests;

/// <summary>Start-up check of <c>RestoreTests</c>, naming the key and the value refused.</summary>
public sealed class RestoreTestOptionsValidator : IValidateOptions<RestoreTestOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RestoreTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.IncludedPerYear is < 0 or > 365)
            problems.Add($"{RestoreTestOptions.SectionName}:IncludedPerYear = {options.IncludedPerYear}: must be from 0 to 365.");
        if (options.ScanInterval < TimeSpan.FromSeconds(1) || options.ScanInterval > TimeSpan.FromHours(1))
            problems.Add($"{RestoreTestOptions.SectionName}:ScanInterval = {options.ScanInterval}: must be from 00:00:01 to 01:00:00.");
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
