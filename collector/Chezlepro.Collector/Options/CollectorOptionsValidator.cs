using Chezlepro.Contracts.Identity;
using Chezlepro.Hosting.Configuration;
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
        if (!Identifiers.IsValidId(options.Id)) problems.Add(ValidationText.Of($"Collector:Id = '{options.Id}': must match [a-z0-9][a-z0-9-]{{0,31}}.", "doit respecter [a-z0-9][a-z0-9-]{0,31}."));
        if (options.StoreKind is null) problems.Add(ValidationText.Of($"Collector:Store = '{options.Store}': must be sqlite or postgres.", "doit valoir sqlite ou postgres."));
        if (options.StoreKind == StoreKind.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            problems.Add(ValidationText.Of("Collector:ConnectionString is required when Collector:Store = 'postgres'.", "est requis quand Collector:Store = 'postgres'."));
        if (options.StoreKind == StoreKind.Sqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
            problems.Add(ValidationText.Of("Collector:DataDirectory is empty.", "est vide."));
        if (options.Group is { } group)
        {
            // MQTT-4.8.2-1/-2: a share name is at least one character and holds none of '/', '+', '#'.
            if (!IsShareName(group)) problems.Add(ValidationText.Of($"Collector:Group = '{group}': must be 1-64 characters of [A-Za-z0-9_.-] (an MQTT share name).",
                    "doit compter de 1 à 64 caractères parmi [A-Za-z0-9_.-] (un nom de partage MQTT)."));
            // Several collectors on one SQLite file would each believe they lead (SqliteLeadership): refused.
            else if (options.StoreKind == StoreKind.Sqlite) problems.Add(ValidationText.Of($"Collector:Group = '{group}': needs Collector:Store = 'postgres' (SQLite serves one collector).",
                    "exige Collector:Store = 'postgres' (SQLite ne sert qu’un collecteur)."));
        }
        if (options.MaxPayloadBytes is < 1024 or > 64 * 1024 * 1024)
            problems.Add(ValidationText.Of($"Collector:MaxPayloadBytes = {options.MaxPayloadBytes}: must be 1024-67108864.", "doit être entre 1024 et 67108864."));
        if (options.TelemetryRetention < TimeSpan.FromDays(1))
            problems.Add(ValidationText.Of($"Collector:TelemetryRetention = {options.TelemetryRetention}: must be at least 1.00:00:00.", "doit être d’au moins 1.00:00:00."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    // Narrower than MQTT requires (no '/', '+', '#', at least one character): also safe in a Mosquitto ACL pattern,
    // a log line and a shell.
    private static bool IsShareName(string group) =>
        group.Length is >= 1 and <= 64 && group.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
