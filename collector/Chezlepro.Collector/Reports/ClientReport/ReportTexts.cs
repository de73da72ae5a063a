namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// The words of the client report in one language. Composite formats (<c>{0}</c>) are filled with values already
/// formatted by <see cref="ReportFormat"/>. French is the reference text; English follows it line by line.
/// </summary>
public sealed partial record ReportTexts
{
    /// <summary>The texts of a language.</summary>
    public static ReportTexts For(ReportLanguage language) => language == ReportLanguage.French ? French : English;

    /// <summary>The html <c>lang</c> attribute.</summary>
    public required string HtmlLang { get; init; }
    /// <summary>Document title.</summary>
    public required string Title { get; init; }
    /// <summary>Label: client.</summary>
    public required string Client { get; init; }
    /// <summary>Label: contract.</summary>
    public required string Contract { get; init; }
    /// <summary>Label: month.</summary>
    public required string Month { get; init; }
    /// <summary>Label: measured period.</summary>
    public required string Measured { get; init; }
    /// <summary>"{0} to {1}".</summary>
    public required string FromTo { get; init; }
    /// <summary>Label: computed at.</summary>
    public required string ComputedAt { get; init; }
    /// <summary>State: closed month.</summary>
    public required string StateClosed { get; init; }
    /// <summary>State: month over, not closed.</summary>
    public required string StateComplete { get; init; }
    /// <summary>State: month in progress.</summary>
    public required string StateOpen { get; init; }
    /// <summary>Label: state.</summary>
    public required string State { get; init; }
    /// <summary>Times are local.</summary>
    public required string TimeZoneNote { get; init; }

    /// <summary>Section: availability.</summary>
    public required string AvailabilityTitle { get; init; }
    /// <summary>Column: service.</summary>
    public required string Service { get; init; }
    /// <summary>Column: category.</summary>
    public required string Category { get; init; }
    /// <summary>Column: availability.</summary>
    public required string Availability { get; init; }
    /// <summary>Column: objective.</summary>
    public required string Objective { get; init; }
    /// <summary>Column: down time.</summary>
    public required string DownTime { get; init; }
    /// <summary>Column: unknown time.</summary>
    public required string UnknownTime { get; init; }
    /// <summary>Column: maintenance time.</summary>
    public required string MaintenanceTime { get; init; }
    /// <summary>Row: the contract as a whole.</summary>
    public required string ContractTotal { get; init; }
    /// <summary>Policy: unknown counts as down.</summary>
    public required string UnknownCounts { get; init; }
    /// <summary>Policy: unknown not counted.</summary>
    public required string UnknownIgnored { get; init; }

    /// <summary>Section: periods.</summary>
    public required string PeriodsTitle { get; init; }
    /// <summary>Column: kind.</summary>
    public required string Kind { get; init; }
    /// <summary>Column: start.</summary>
    public required string Start { get; init; }
    /// <summary>Column: end.</summary>
    public required string End { get; init; }
    /// <summary>Column: duration.</summary>
    public required string Duration { get; init; }
    /// <summary>Column: cause.</summary>
    public required string Cause { get; init; }
    /// <summary>Kind: down.</summary>
    public required string KindDown { get; init; }
    /// <summary>Kind: unknown.</summary>
    public required string KindUnknown { get; init; }
    /// <summary>Kind: maintenance.</summary>
    public required string KindMaintenance { get; init; }
    /// <summary>No period.</summary>
    public required string NoPeriod { get; init; }
    /// <summary>The periods, recomputed now, differ from a frozen month's figures.</summary>
    public required string PeriodsDiffer { get; init; }
    /// <summary>"{0}: critical".</summary>
    public required string CauseCritical { get; init; }
    /// <summary>"{0}: reported unknown".</summary>
    public required string CauseUnknown { get; init; }
    /// <summary>"{0}: no result since {1}".</summary>
    public required string CauseStale { get; init; }
    /// <summary>"{0}: no data".</summary>
    public required string CauseNoData { get; init; }
    /// <summary>"Announced maintenance: {0}".</summary>
    public required string CauseMaintenance { get; init; }

    /// <summary>Section: incidents.</summary>
    public required string IncidentsTitle { get; init; }
    /// <summary>Column: priority.</summary>
    public required string Priority { get; init; }
    /// <summary>Column: detected.</summary>
    public required string Detected { get; init; }
    /// <summary>Column: response (acknowledgement).</summary>
    public required string Response { get; init; }
    /// <summary>Column: restoration.</summary>
    public required string Restore { get; init; }
    /// <summary>Column: target.</summary>
    public required string Target { get; init; }
    /// <summary>Met.</summary>
    public required string Met { get; init; }
    /// <summary>Missed.</summary>
    public required string Missed { get; init; }
    /// <summary>Not yet (still open, not yet late).</summary>
    public required string Pending { get; init; }
    /// <summary>"{0} (24/7)".</summary>
    public required string TargetAround { get; init; }
    /// <summary>"{0} of business hours".</summary>
    public required string TargetBusiness { get; init; }
    /// <summary>No incident.</summary>
    public required string NoIncident { get; init; }
    /// <summary>Label: incidents detected.</summary>
    public required string IncidentCount { get; init; }
    /// <summary>Label: MTTA.</summary>
    public required string Mtta { get; init; }
    /// <summary>Label: MTTR.</summary>
    public required string Mttr { get; init; }
    /// <summary>Label: targets missed.</summary>
    public required string Breaches { get; init; }
    /// <summary>"{0} acknowledgement, {1} restoration".</summary>
    public required string BreachCounts { get; init; }

    /// <summary>Section: RPO.</summary>
    public required string RpoTitle { get; init; }
    /// <summary>Column: guest.</summary>
    public required string Guest { get; init; }
    /// <summary>Column: RPO target.</summary>
    public required string RpoTarget { get; init; }
    /// <summary>Column: last good backup.</summary>
    public required string LastBackup { get; init; }
    /// <summary>Column: age.</summary>
    public required string Age { get; init; }
    /// <summary>Column: status.</summary>
    public required string Status { get; init; }
    /// <summary>Column: time in breach over the month.</summary>
    public required string BreachTime { get; init; }
    /// <summary>RPO met.</summary>
    public required string RpoMet { get; init; }
    /// <summary>RPO breached.</summary>
    public required string RpoBreached { get; init; }
    /// <summary>No backup known.</summary>
    public required string RpoNoData { get; init; }
    /// <summary>No protected guest.</summary>
    public required string NoGuest { get; init; }

    /// <summary>Section: credit.</summary>
    public required string CreditTitle { get; init; }
    /// <summary>"Objective".</summary>
    public required string StepObjective { get; init; }
    /// <summary>"Measured availability".</summary>
    public required string StepAvailability { get; init; }
    /// <summary>"Shortfall".</summary>
    public required string StepShortfall { get; init; }
    /// <summary>"point(s)".</summary>
    public required string PointsUnit { get; init; }
    /// <summary>"Started tranches of {0} point".</summary>
    public required string StepTranches { get; init; }
    /// <summary>"Credit ({0} per tranche, cap {1})".</summary>
    public required string StepCredit { get; init; }
    /// <summary>"capped".</summary>
    public required string CappedNote { get; init; }
    /// <summary>"Amount (monthly fee {0})".</summary>
    public required string StepAmount { get; init; }
    /// <summary>The rule when the catalog no longer has the contract.</summary>
    public required string RuleUnknown { get; init; }
    /// <summary>Objective met, no credit.</summary>
    public required string NoCredit { get; init; }

    /// <summary>Section: fingerprint.</summary>
    public required string FingerprintTitle { get; init; }
    /// <summary>What the fingerprint proves.</summary>
    public required string FingerprintNote { get; init; }
}
