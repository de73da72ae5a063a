using Chezlepro.Contracts.Identity;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Options;

/// <summary>
/// Checks the <c>Collector</c> section (<c>Api</c>: <see cref="ApiOptionsValidator"/>); messages name the key and value. <c>Mqtt</c> is the shared
/// section of both services (<see cref="Chezlepro.Hosting.Mqtt.MqttOptionsValidator"/>).
/// </summary>
public sealed class CollectorOptionsValidator : IValidateOptions<CollectorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CollectorOptions options)
    {
        var problems = new List<string>();
        if (!Identifiers.IsValidId(options.Id)) problems.Add($"Collector:Id = '{options.Id}': must match [a-z0-9][a-z0-9-]{{0,31}}.");
        if (options.StoreKind is null) problems.Add($"Collector:Store = '{options.Store}': must be sqlite or postgres.");
        if (options.StoreKind == StoreKind.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            problems.Add("Collector:ConnectionString is required when Collector:Store = 'postgres'.");
        if (options.StoreKind == StoreKind.Sqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
            problems.Add("Collector:DataDirectory is empty.");
        if (options.MaxPayloadBytes is < 1024 or > 64 * 1024 * 1024)
            problems.Add($"Collector:MaxPayloadBytes = {options.MaxPayloadBytes}: must be 1024-67108864.");
        if (options.TelemetryRetention < TimeSpan.FromDays(1))
            problems.Add($"Collector:TelemetryRetention = {options.TelemetryRetention}: must be at least 1.00:00:00.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
