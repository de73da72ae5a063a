using Chezlepro.Contracts.Identity;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Options;

/// <summary>Checks the <c>Mqtt</c> section. The password is never echoed.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host)) problems.Add("Mqtt:Host is empty.");
        if (options.Port is < 1 or > 65535) problems.Add($"Mqtt:Port = {options.Port}: must be 1-65535.");
        // §3.1.2.10: 16-bit seconds; below 5 s Mosquitto's 5 s check granularity makes it meaningless.
        if (options.KeepAliveSeconds is < 5 or > 65535)
            problems.Add($"Mqtt:KeepAliveSeconds = {options.KeepAliveSeconds}: must be 5-65535.");
        if (!Identifiers.IsValidId(options.TopicRoot))
            problems.Add($"Mqtt:TopicRoot = '{options.TopicRoot}': must match [a-z0-9][a-z0-9-]{{0,31}}.");
        if (options.ReconnectMaxDelaySeconds is < 1 or > 3600)
            problems.Add($"Mqtt:ReconnectMaxDelaySeconds = {options.ReconnectMaxDelaySeconds}: must be 1-3600.");
        if (options.MaxInflight is < 1 or > 1000)
            problems.Add($"Mqtt:MaxInflight = {options.MaxInflight}: must be 1-1000.");
        // An empty password is "not set": a fresh package ships an empty credential file (LoadCredential= needs one).
        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.Username))
            problems.Add("Mqtt:Password is set without Mqtt:Username (MQTT-3.1.2-22).");
        if (options.Tls.Enabled)
        {
            if (options.Tls.CaFile is { } ca && !File.Exists(ca)) problems.Add($"Mqtt:Tls:CaFile = '{ca}': file not found.");
            if ((options.Tls.CertificateFile is null) != (options.Tls.KeyFile is null))
                problems.Add("Mqtt:Tls:CertificateFile and Mqtt:Tls:KeyFile go together.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
