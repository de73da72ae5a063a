using System.Globalization;
using Chezlepro.Collector.Sla;

namespace Chezlepro.Collector.Reports.ClientReport;

public sealed partial class ClientReportHtml
{
    private const string Minus = " − ";

    private void Credit()
    {
        var c = _doc.Sla;
        SectionStart("credit", _t.CreditTitle);
        Raw("<table class=\"meta\" id=\"credit-steps\"><colgroup><col style=\"width:40%\"><col style=\"width:60%\"></colgroup><tbody>\n");
        Step("objective", _t.StepObjective, _f.ShortPercent(c.Objective));
        Step("availability", _t.StepAvailability, _f.Percent(c.Availability));
        if (c.Tranches == 0)
        {
            Raw("</tbody></table>\n");
            Raw("<p class=\"summary\" id=\"credit-amount\" data-amount=\"0.00\">").Text(_t.NoCredit).Raw("</p>\n");
            Paragraph(Summary(c), "note");
            Raw("</section>\n");
            return;
        }

        Step("shortfall", _t.StepShortfall,
            _f.Points(c.Objective) + Minus
            + _f.Number(c.Availability ?? 0m, 3) + " = " + _f.Number(c.Shortfall, 3) + " " + _t.PointsUnit);
        if (_doc.Rule is { } rule)
        {
            Step("tranches", Format(_t.StepTranches, _f.Points(rule.TrancheSize)),
                "⌈" + _f.Number(c.Shortfall, 3) + " ÷ " + _f.Points(rule.TrancheSize) + "⌉ = " + c.Tranches.ToString(_f.Culture));
            var raw = c.Tranches * rule.CreditPerTranche;
            var credit = c.Tranches.ToString(_f.Culture) + " × " + _f.ShortPercent(rule.CreditPerTranche) + " = " + _f.ShortPercent(raw);
            if (c.Capped) credit += " → " + _f.ShortPercent(c.CreditPercent) + " (" + _t.CappedNote + ")";
            Step("percent", Format(_t.StepCredit, _f.ShortPercent(rule.CreditPerTranche), _f.ShortPercent(rule.Cap)), credit);
        }
        else
        {
            Step("tranches", Format(_t.StepTranches, "—"), c.Tranches.ToString(_f.Culture));
            Step("percent", _t.CreditTitle, _f.ShortPercent(c.CreditPercent));
        }

        Step("amount", Format(_t.StepAmount, _f.Money(c.MonthlyFee, c.Currency)),
            _f.ShortPercent(c.CreditPercent) + " × " + _f.Money(c.MonthlyFee, c.Currency) + " = " + _f.Money(c.CreditAmount, c.Currency),
            "data-amount=\"" + c.CreditAmount.ToString("0.00", CultureInfo.InvariantCulture) + "\"");
        Raw("</tbody></table>\n");
        if (_doc.Rule is null) Paragraph(_t.RuleUnknown, "note");
        Paragraph(Summary(c), "summary");
        Raw("</section>\n");
    }

    private string Summary(ContractSlaReport c) => _language == ReportLanguage.French ? c.SummaryFr : c.SummaryEn;

    private void Step(string id, string label, string value, string? data = null)
    {
        Raw("<tr><th scope=\"row\">").Text(label).Raw("</th><td id=\"credit-").Raw(id).Raw("\"");
        if (data is not null) Raw(" ").Raw(data);
        Raw(">").Text(value).Raw("</td></tr>\n");
    }

    private void Fingerprint()
    {
        SectionStart("fingerprint", _t.FingerprintTitle);
        Raw("<p class=\"fp\" id=\"fingerprint-value\">").Text(_doc.Fingerprint).Raw("</p>\n");
        Paragraph(_t.FingerprintNote, "note");
        Raw("</section>\n");
    }
}
