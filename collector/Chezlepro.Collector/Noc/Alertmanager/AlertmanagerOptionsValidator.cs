using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Noc.Alertmanager;

/// <summary>Start-up checks of <see cref="AlertmanagerOptions"/>; messages carry the key and the value, never a secret's value.</summary>
public sealed class AlertmanagerOptionsValidator : IValidateOptions<AlertmanagerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AlertmanagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled && !IsHttpUrl(options.Url))
            failures.Add(ValidationText.Of($"Noc:Alertmanager:Url = '{Shown(options.Url)}': must be an absolute http or https URL without query or user information (for example http://127.0.0.1:9093; credentials go in Username/Password or BearerToken).", 
                "doit être une URL http ou https absolue sans requête ni identifiants (par exemple http://127.0.0.1:9093\u00a0; les identifiants vont dans Username/Password ou BearerToken)."));
        if (options.GeneratorUrl.Length > 0 && !IsHttpUrl(options.GeneratorUrl))
            failures.Add(ValidationText.Of($"Noc:Alertmanager:GeneratorUrl = '{options.GeneratorUrl}': must be an absolute http or https URL.", "doit être une URL http ou https absolue."));
        if (options.ResendInterval < TimeSpan.FromSeconds(1) || options.ResendInterval > TimeSpan.FromMinutes(10))
            failures.Add(ValidationText.Of($"Noc:Alertmanager:ResendInterval = {options.ResendInterval}: must be between 00:00:01 and 00:10:00.", "doit être entre 00:00:01 et 00:10:00."));
        if (options.Timeout < TimeSpan.FromMilliseconds(100) || options.Timeout > TimeSpan.FromMinutes(1))
            failures.Add(ValidationText.Of($"Noc:Alertmanager:Timeout = {options.Timeout}: must be between 00:00:00.1 and 00:01:00.", "doit être entre 00:00:00.1 et 00:01:00."));
        if (options.Password.Length > 0 && options.Username.Length == 0)
            failures.Add(ValidationText.Of("Noc:Alertmanager:Password is set: Noc:Alertmanager:Username must be set too.", "Noc:Alertmanager:Username doit l’être aussi."));
        if (options.BearerToken.Length > 0 && options.Username.Length > 0)
            failures.Add(ValidationText.Of($"Noc:Alertmanager:Username = '{options.Username}' and Noc:Alertmanager:BearerToken are both set: choose one.", "les deux sont réglés\u00a0: choisissez-en un."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A URL with user information carries a password: never shown, not even in a validation message.
    private static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? url.Replace(uri.UserInfo, "***", StringComparison.Ordinal) : url;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}
