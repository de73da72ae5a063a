using Chezlepro.Contracts.Identity;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Hosting.Mqtt;

/// <summary>Checks the <c>Mqtt</c> section; every message names the key and the value. The password is never echoed.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host)) problems.Add(ValidationText.Of("Mqtt:Host is empty.", "est vide."));
        if (options.Port is < 1 or > 65535) problems.Add(ValidationText.Of($"Mqtt:Port = {options.Port}: must be 1-65535.", "doit être entre 1 et 65535."));
        // §3.1.2.10: 16-bit seconds; below 5 s Mosquitto's 5 s check granularity makes it meaningless.
        if (options.KeepAliveSeconds is < 5 or > 65535)
            problems.Add(ValidationText.Of($"Mqtt:KeepAliveSeconds = {options.KeepAliveSeconds}: must be 5-65535.", "doit être entre 5 et 65535."));
        if (!Identifiers.IsValidId(options.TopicRoot))
            problems.Add(ValidationText.Of($"Mqtt:TopicRoot = '{options.TopicRoot}': must match [a-z0-9][a-z0-9-]{{0,31}}.", "doit respecter [a-z0-9][a-z0-9-]{0,31}."));
        if (!MqttProtocolVersions.TryParse(options.ProtocolVersion, out _))
            problems.Add(ValidationText.Of($"Mqtt:ProtocolVersion = '{options.ProtocolVersion}': must be {MqttProtocolVersions.V311} or {MqttProtocolVersions.V5}.",
                $"doit valoir {MqttProtocolVersions.V311} ou {MqttProtocolVersions.V5}."));
        if (options.ReconnectMaxDelaySeconds is < 1 or > 3600)
            problems.Add(ValidationText.Of($"Mqtt:ReconnectMaxDelaySeconds = {options.ReconnectMaxDelaySeconds}: must be 1-3600.", "doit être entre 1 et 3600."));
        if (options.MaxInflight is < 1 or > 1000)
            problems.Add(ValidationText.Of($"Mqtt:MaxInflight = {options.MaxInflight}: must be 1-1000.", "doit être entre 1 et 1000."));
        // An empty password is "not set": a fresh package ships an empty credential file (LoadCredential= needs one).
        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.Username))
            problems.Add(ValidationText.Of("Mqtt:Password is set without Mqtt:Username (MQTT-3.1.2-22).", "est réglé sans Mqtt:Username (MQTT-3.1.2-22)."));
        if (options.Tls.Enabled) CheckTls(options.Tls, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckTls(BrokerTlsOptions tls, List<string> problems)
    {
        // Missing files are named here, at start, rather than at every reconnect as a handshake failure.
        CheckFile("Mqtt:Tls:CaFile", tls.CaFile, problems);
        CheckFile("Mqtt:Tls:CertificateFile", tls.CertificateFile, problems);
        CheckFile("Mqtt:Tls:KeyFile", tls.KeyFile, problems);
        if ((tls.CertificateFile is null) != (tls.KeyFile is null))
            problems.Add(ValidationText.Of("Mqtt:Tls:CertificateFile and Mqtt:Tls:KeyFile go together.", "vont ensemble."));
        if (tls.PinnedSha256 is { } pin && !IsSha256(pin))
            problems.Add(ValidationText.Of($"Mqtt:Tls:PinnedSha256 = '{pin}': must be 32 bytes in hex (colons allowed).", "doit compter 32\u00a0octets en hexadécimal (deux-points permis)."));
        if (tls.PinOnly && tls.PinnedSha256 is null) problems.Add(ValidationText.Of("Mqtt:Tls:PinOnly = true needs Mqtt:Tls:PinnedSha256.", "exige Mqtt:Tls:PinnedSha256."));
    }

    private static void CheckFile(string key, string? path, List<string> problems)
    {
        if (path is not null && !File.Exists(path)) problems.Add(ValidationText.Of($"{key} = '{path}': file not found.", "fichier introuvable."));
    }

    private static bool IsSha256(string text)
    {
        var hex = text.Replace(":", "", StringComparison.Ordinal).Trim();
        return hex.Length == 64 && hex.All(Uri.IsHexDigit);
    }
}
