namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>The paper the document is laid out for (its <c>@page</c> rule); Letter is the default in Québec.</summary>
public enum ReportPaper
{
    /// <summary>US Letter, 8.5 × 11 in.</summary>
    Letter,

    /// <summary>ISO A4, 210 × 297 mm.</summary>
    A4,
}
