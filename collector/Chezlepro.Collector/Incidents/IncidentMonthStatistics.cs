namespace Chezlepro.Collector.Incidents;

/// <summary>
/// A month's incident figures. MTTA = mean of detection → first acknowledgement over acknowledged incidents;
/// MTTR = mean of detection → restoration (service back up) over restored incidents; both on the 24/7 clock.
/// Incidents belong to the month of their detection in America/Toronto.
/// </summary>
public sealed record IncidentMonthStatistics(
    string Month,
    int Count,
    int Acknowledged,
    int Restored,
    TimeSpan? Mtta,
    TimeSpan? Mttr,
    int AcknowledgeBreaches,
    int RestoreBreaches);
