using Chezlepro.Collector.Availability;

namespace Chezlepro.Collector.Reports.ClientReport;

public sealed partial class ClientReportHtml
{
    private void Periods()
    {
        SectionStart("periods", _t.PeriodsTitle);
        if (!_doc.PeriodsMatchFigures) Paragraph(_t.PeriodsDiffer, "note warn");
        if (_doc.Periods.Count == 0)
        {
            Paragraph(_t.NoPeriod, "none");
            Raw("</section>\n");
            return;
        }

        TableStart("periods-table", (_t.Service, 15), (_t.Kind, 14), (_t.Start, 16), (_t.End, 16), (_t.Duration + "#", 12), (_t.Cause, 27));
        foreach (var p in _doc.Periods)
        {
            Raw("<tr ").Raw(Data("service", p.ServiceId)).Raw(" ").Raw(Data("kind", KindName(p.Kind))).Raw(">");
            Cell(p.ServiceName).Cell(KindText(p.Kind), p.Kind == TimelineKind.Down ? "bad" : null)
                .Cell(_f.DateTime(p.From)).Cell(_f.DateTime(p.To)).Cell(_f.Duration(p.Seconds), "n")
                .Raw("<td>");
            for (var i = 0; i < p.Causes.Count; i++)
            {
                if (i > 0) Raw("<br>");
                Text(CauseText(p.Causes[i]));
            }
            Raw("</td></tr>\n");
        }
        TableEnd();
        Raw("</section>\n");
    }

    private string KindText(TimelineKind kind) => kind switch
    {
        TimelineKind.Down => _t.KindDown,
        TimelineKind.Unknown => _t.KindUnknown,
        _ => _t.KindMaintenance,
    };

    private static string KindName(TimelineKind kind) => kind switch
    {
        TimelineKind.Down => "down",
        TimelineKind.Unknown => "unknown",
        _ => "maintenance",
    };

    /// <summary>A cause in the report's language (the timeline's own <see cref="TimelineCause.Text"/> is English).</summary>
    private string CauseText(TimelineCause cause)
    {
        var check = cause.Check?.ToString() ?? "";
        return cause.Kind switch
        {
            TimelineCauseKind.Critical => Format(_t.CauseCritical, check),
            TimelineCauseKind.ReportedUnknown => Format(_t.CauseUnknown, check),
            TimelineCauseKind.Stale => Format(_t.CauseStale, check, cause.LastResultAt is { } at ? _f.DateTime(at) : "—"),
            TimelineCauseKind.NoData => Format(_t.CauseNoData, check),
            TimelineCauseKind.Maintenance => Format(_t.CauseMaintenance, cause.WindowReason ?? cause.WindowId ?? ""),
            _ => cause.Text,
        };
    }
}
