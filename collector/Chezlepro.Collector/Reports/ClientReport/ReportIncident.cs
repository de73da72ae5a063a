using Chezlepro.Collector.Incidents;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>An incident of one of the contract's services detected in the month, with the targets of its priority.</summary>
/// <param name="Incident">The incident as the incidents API gives it.</param>
/// <param name="ServiceName">Its service's name.</param>
/// <param name="Targets">The acknowledge and restore targets of its priority (Incidents section).</param>
public sealed record ReportIncident(Incident Incident, string ServiceName, PriorityTargets Targets)
{
    /// <summary>Detection to first acknowledgement (the response time), or null when not acknowledged.</summary>
    public TimeSpan? ResponseTime => Incident.AcknowledgedAt - Incident.DetectedAt;

    /// <summary>Detection to restoration, or null while the service is still down.</summary>
    public TimeSpan? RestoreTime => Incident.RestoredAt - Incident.DetectedAt;
}
