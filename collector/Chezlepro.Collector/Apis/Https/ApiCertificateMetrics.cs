using System.Globalization;
using System.Text;

namespace Chezlepro.Collector.Apis.Https;

/// <summary><c>chezlepro_api_certificate_expiry_timestamp_seconds</c>: when the served certificate expires (no sample without Api:Https).</summary>
public static class ApiCertificateMetrics
{
    /// <summary>Appends the family; reading it also picks up renewed files, so the figure follows a renewal without a handshake.</summary>
    public static void Append(StringBuilder sb, ApiCertificateSource certificates)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(certificates);
        sb.AppendLine("# HELP chezlepro_api_certificate_expiry_timestamp_seconds When the certificate of the collector's HTTPS endpoint (Api:Https) expires, Unix seconds.");
        sb.AppendLine("# TYPE chezlepro_api_certificate_expiry_timestamp_seconds gauge");
        ServedCertificate? served;
        try
        {
            served = certificates.Current();
        }
        catch (CertificateFileException)
        {
            // Never loaded (the files broke after the start-up check): no sample, the handshakes fail and say why.
            served = null;
        }
        if (served is not null)
            sb.Append(CultureInfo.InvariantCulture, $"chezlepro_api_certificate_expiry_timestamp_seconds {served.NotAfter.ToUnixTimeSeconds()}\n");
    }
}
