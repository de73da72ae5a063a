using Chezlepro.Collector.Incidents;

namespace Chezlepro.Collector.Reports.ClientReport;

public sealed partial class ClientReportHtml
{
    private void Incidents()
    {
        var figures = _doc.IncidentFigures;
        SectionStart("incidents", _t.IncidentsTitle);
        Raw("<table class=\"meta\" id=\"incident-figures\"><colgroup><col style=\"width:45%\"><col style=\"width:55%\"></colgroup><tbody>\n");
        FigureRow(_t.IncidentCount, figures.Count.ToString(_f.Culture), "count");
        FigureRow(_t.Mtta, figures.Mtta is { } mtta ? _f.Duration(mtta) : "—", "mtta");
        FigureRow(_t.Mttr, figures.Mttr is { } mttr ? _f.Duration(mttr) : "—", "mttr");
        FigureRow(_t.Breaches, Format(_t.BreachCounts, figures.AcknowledgeBreaches, figures.RestoreBreaches), "breaches");
        Raw("</tbody></table>\n");
        if (_doc.Incidents.Count == 0)
        {
            Paragraph(_t.NoIncident, "none");
            Raw("</section>\n");
            return;
        }

        TableStart("incidents-table", (_t.Service, 15), (_t.Priority, 9), (_t.Detected, 15), (_t.Response, 13), (_t.Target, 17),
            (_t.Restore, 14), (_t.Target, 17));
        foreach (var r in _doc.Incidents)
        {
            var i = r.Incident;
            Raw("<tr ").Raw(Data("incident", i.Id)).Raw(">");
            Cell(r.ServiceName).Cell(i.Priority.ToString()).Cell(_f.DateTime(i.DetectedAt))
                .Cell(r.ResponseTime is { } response ? _f.Duration(response) : "—")
                .Cell(TargetText(r.Targets.Acknowledge, r.Targets.BusinessHours, i.AcknowledgeBreached, i.AcknowledgedAt is not null), i.AcknowledgeBreached ? "bad" : null)
                .Cell(r.RestoreTime is { } restore ? _f.Duration(restore) : "—")
                .Cell(TargetText(r.Targets.Restore, r.Targets.BusinessHours, i.RestoreBreached, i.RestoredAt is not null), i.RestoreBreached ? "bad" : null)
                .Raw("</tr>\n");
        }
        TableEnd();
        Raw("</section>\n");
    }

    private void FigureRow(string label, string value, string id) =>
        Raw("<tr><th scope=\"row\">").Text(label).Raw("</th><td id=\"incidents-").Raw(id).Raw("\">").Text(value).Raw("</td></tr>\n");

    private string TargetText(TimeSpan target, bool businessHours, bool breached, bool done)
    {
        var limit = Format(businessHours ? _t.TargetBusiness : _t.TargetAround, _f.Duration(target));
        var verdict = breached ? _t.Missed : done ? _t.Met : _t.Pending;
        return limit + " — " + verdict;
    }
}
