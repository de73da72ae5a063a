namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>The language of a client report: French (Québec) first, English on request (<c>lang=en</c>).</summary>
public enum ReportLanguage
{
    /// <summary>French as written in Québec (fr-CA).</summary>
    French,

    /// <summary>English (en-CA).</summary>
    English,
}
