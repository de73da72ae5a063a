using Chezlepro.Collector.Apis.Proxies;
using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>
/// Checks <c>Api:Https</c> (the URL, and that the files exist, parse, hold a matching key and a certificate valid now:
/// a bad file stops the start with exit 78 rather than failing every handshake) and <c>Api:TrustedProxies</c>.
/// Messages name the key, the value and the path, never the password.
/// </summary>
public sealed class ApiExposureValidator : IValidateOptions<ApiOptions>
{
    private readonly TimeProvider _time;

    /// <summary>Creates the validator.</summary>
    public ApiExposureValidator(TimeProvider time) => _time = time;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        ValidateHttps(options.Https, problems);
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!TrustedProxies.TryParse(options.TrustedProxies[i], out _, out _))
                problems.Add($"Api:TrustedProxies:{i} = '{options.TrustedProxies[i]}': not an IP address or a CIDR network (10.0.0.5, 10.0.0.0/24, ::1).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private void ValidateHttps(ApiHttpsOptions https, List<string> problems)
    {
        if (!https.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(https.CertificatePath))
                problems.Add($"Api:Https:CertificatePath = '{https.CertificatePath}' is set but Api:Https:Url is empty: no HTTPS endpoint would use it.");
            return;
        }
        if (!IsHttpsAddress(https.Url!))
            problems.Add($"Api:Https:Url = '{https.Url}': must be an https URL with a host and a port (https://0.0.0.0:8443).");
        if (string.IsNullOrWhiteSpace(https.CertificatePath))
        {
            problems.Add("Api:Https:CertificatePath is required when Api:Https:Url is set.");
            return;
        }
        if (!File.Exists(https.CertificatePath))
        {
            problems.Add($"Api:Https:CertificatePath = '{https.CertificatePath}': no such file.");
            return;
        }
        if (!string.IsNullOrWhiteSpace(https.KeyPath) && !File.Exists(https.KeyPath))
        {
            problems.Add($"Api:Https:KeyPath = '{https.KeyPath}': no such file.");
            return;
        }
        ServedCertificate served;
        try
        {
            served = CertificateFiles.Load(https);
        }
        catch (CertificateFileException ex)
        {
            problems.Add($"Api:Https:CertificatePath = '{https.CertificatePath}' with Api:Https:KeyPath = '{https.KeyPath}': not a usable server certificate and key: {ex.Message}");
            return;
        }
        var now = _time.GetUtcNow();
        if (served.NotAfter <= now)
            problems.Add($"Api:Https:CertificatePath = '{https.CertificatePath}': the certificate expired on {served.NotAfter:u}.");
        else if (served.NotBefore > now)
            problems.Add($"Api:Https:CertificatePath = '{https.CertificatePath}': the certificate is valid only from {served.NotBefore:u}.");
    }

    // As Kestrel reads a URL (https://*:8443 and https://+:8443 included); one address, not a list.
    private static bool IsHttpsAddress(string url)
    {
        try
        {
            return !url.Contains(';', StringComparison.Ordinal) && string.Equals(BindingAddress.Parse(url.Trim()).Scheme, "https", StringComparison.OrdinalIgnoreCase);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
