namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// The document's only style sheet, inlined: the report is self-contained (no script, nothing fetched). Tables have a
/// fixed layout at the page's width and break anywhere inside a long word, so no column is ever clipped; header rows
/// repeat on every printed page and rows are not split across pages.
/// </summary>
internal static class ReportStyles
{
    /// <summary>Page margins, the same on both papers so the content width differs only by the paper's.</summary>
    public const string Margin = "14mm 12mm";

    /// <summary>The <c>@page</c> rule of a paper.</summary>
    public static string Page(ReportPaper paper) =>
        "@page { size: " + (paper == ReportPaper.A4 ? "A4" : "letter") + "; margin: " + Margin + "; }\n";

    /// <summary>Everything else.</summary>
    public const string Sheet = """
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; line-height: 1.3; color: #111; margin: 0; }
        @media screen { body { max-width: 190mm; margin: 8mm auto; padding: 0 4mm; } }
        h1 { font-size: 15pt; margin: 0 0 2pt; }
        h2 { font-size: 11.5pt; margin: 12pt 0 4pt; padding-bottom: 1pt; border-bottom: 1.5pt solid #2c5f8a; color: #1d3f5c; break-after: avoid; page-break-after: avoid; }
        p { margin: 3pt 0; }
        .sub { color: #444; margin-bottom: 6pt; }
        table { width: 100%; max-width: 100%; border-collapse: collapse; table-layout: fixed; margin: 3pt 0 6pt; }
        thead { display: table-header-group; }
        tfoot { display: table-footer-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.75pt solid #b8c2cc; padding: 2pt 3pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; hyphens: auto; }
        th { background: #e8eef3; font-weight: 600; font-size: 8pt; }
        td.n, th.n { text-align: right; }
        tr.total td { font-weight: 700; background: #f4f6f8; }
        table.meta th { width: 28%; background: none; }
        table.meta td, table.meta th { border: none; border-bottom: 0.5pt solid #dde3e8; }
        .bad { color: #9b1c1c; font-weight: 600; }
        .ok { color: #1e6b34; }
        .note { color: #444; font-size: 8.5pt; }
        .warn { border-left: 3pt solid #c27c0e; padding-left: 4pt; }
        .fp { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; word-break: break-all; }
        .summary { font-weight: 600; margin: 4pt 0; }
        """;
}
