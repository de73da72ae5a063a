namespace Chezlepro.Health.Probes;

/// <summary>The result of one probe attempt.</summary>
/// <param name="Success">True when the service answered as expected.</param>
/// <param name="Message">One line in French and English: what was seen, or why it failed.</param>
/// <param name="LatencyMs">Time to the answer (response headers, connect or banner), when there was one.</param>
/// <param name="CertificateNotAfter">End of validity of the server certificate, for TLS probes.</param>
internal sealed record ProbeOutcome(bool Success, HealthText Message, double? LatencyMs = null, DateTimeOffset? CertificateNotAfter = null);
