using System.Globalization;
using System.Text;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>
/// Writes a <see cref="ClientReportDocument"/> as one self-contained HTML page (inline CSS, no script, no external
/// resource), the source of the PDF too. Every value that comes from configuration or data (client, contract, service
/// and guest names, maintenance reasons, check names) is escaped; the fixed texts are the report's own. Sections are
/// <c>section</c> elements with stable ids and the figures carry <c>data-</c> attributes, so a reader (or a test) can
/// find them without parsing the words.
/// </summary>
public sealed partial class ClientReportHtml
{
    private readonly StringBuilder _sb = new();
    private readonly ClientReportDocument _doc;
    private readonly ReportTexts _t;
    private readonly ReportFormat _f;
    private readonly ReportLanguage _language;

    private ClientReportHtml(ClientReportDocument doc, ReportLanguage language)
    {
        _doc = doc;
        _language = language;
        _t = ReportTexts.For(language);
        _f = ReportFormat.For(language);
    }

    /// <summary>The document as HTML for <paramref name="paper"/>.</summary>
    public static string Write(ClientReportDocument document, ReportLanguage language, ReportPaper paper)
    {
        ArgumentNullException.ThrowIfNull(document);
        var w = new ClientReportHtml(document, language);
        w.Document(paper);
        return w._sb.ToString();
    }

    /// <summary>Escapes text for HTML content and quoted attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private void Document(ReportPaper paper)
    {
        var title = $"{_t.Title} — {_doc.Sla.Client} — {_f.Month(_doc.Month)}";
        Raw("<!DOCTYPE html>\n<html lang=\"").Raw(_t.HtmlLang).Raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
        Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No script and nothing fetched: the document is complete on its own, also once saved or printed.
        Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        Raw("<title>").Text(title).Raw("</title>\n<style>\n").Raw(ReportStyles.Page(paper)).Raw(ReportStyles.Sheet).Raw("\n</style>\n</head>\n<body>\n");
        Header();
        Availability();
        Periods();
        Incidents();
        Rpo();
        Credit();
        Fingerprint();
        Raw("</body>\n</html>\n");
    }

    private void Header()
    {
        var c = _doc.Sla;
        Raw("<header id=\"header\">\n<h1>").Text(_t.Title).Raw("</h1>\n<p class=\"sub\">").Text(c.Client).Raw(" — ").Text(_f.Month(_doc.Month)).Raw("</p>\n");
        Raw("<table class=\"meta\"><colgroup><col style=\"width:28%\"><col style=\"width:72%\"></colgroup><tbody>\n");
        MetaRow(_t.Client, c.Client, "client");
        MetaRow(_t.Contract, c.ContractId, "contract");
        MetaRow(_t.Month, _f.Month(_doc.Month), "month");
        MetaRow(_t.Measured, Format(_t.FromTo, _f.DateTime(c.From), _f.DateTime(c.To)), "measured");
        MetaRow(_t.ComputedAt, _f.DateTime(_doc.ComputedAt), "computed");
        MetaRow(_t.State, _doc.Closed ? _t.StateClosed : _doc.Complete ? _t.StateComplete : _t.StateOpen, "state");
        Raw("</tbody></table>\n<p class=\"note\">").Text(_t.TimeZoneNote).Raw("</p>\n</header>\n");
    }

    private void MetaRow(string label, string value, string id) =>
        Raw("<tr><th scope=\"row\">").Text(label).Raw("</th><td id=\"meta-").Raw(id).Raw("\">").Text(value).Raw("</td></tr>\n");

    private void SectionStart(string id, string title) =>
        Raw("<section id=\"").Raw(id).Raw("\">\n<h2>").Text(title).Raw("</h2>\n");

    /// <summary>Opens a table with its column widths (% of the page) and header cells; a header ending in '#' is numeric.</summary>
    private void TableStart(string id, params (string Header, int Width)[] columns)
    {
        Raw("<table id=\"").Raw(id).Raw("\"><colgroup>");
        foreach (var (_, width) in columns) Raw("<col style=\"width:").Raw(width.ToString(CultureInfo.InvariantCulture)).Raw("%\">");
        Raw("</colgroup>\n<thead><tr>");
        foreach (var (header, _) in columns)
        {
            var numeric = header.EndsWith('#');
            Raw(numeric ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">").Text(numeric ? header[..^1] : header).Raw("</th>");
        }
        Raw("</tr></thead>\n<tbody>\n");
    }

    private void TableEnd() => Raw("</tbody></table>\n");

    private ClientReportHtml Cell(string text, string? cls = null, string? data = null)
    {
        Raw("<td");
        if (cls is not null) Raw(" class=\"").Raw(cls).Raw("\"");
        if (data is not null) Raw(" ").Raw(data);
        return Raw(">").Text(text).Raw("</td>");
    }

    private ClientReportHtml Paragraph(string text, string cls) => Raw("<p class=\"").Raw(cls).Raw("\">").Text(text).Raw("</p>\n");

    private string Format(string composite, params object[] args) => string.Format(_f.Culture, composite, args);

    private static string Data(string name, string value) => "data-" + name + "=\"" + Escape(value) + "\"";

    private ClientReportHtml Text(string text)
    {
        _sb.Append(Escape(text));
        return this;
    }

    private ClientReportHtml Raw(string html)
    {
        _sb.Append(html);
        return this;
    }
}
