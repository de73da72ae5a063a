using Chezlepro.Collector.Rpo;

namespace Chezlepro.Collector.Reports.ClientReport;

public sealed partial class ClientReportHtml
{
    private void Rpo()
    {
        SectionStart("rpo", _t.RpoTitle);
        if (_doc.Guests.Count == 0)
        {
            Paragraph(_t.NoGuest, "none");
            Raw("</section>\n");
            return;
        }

        var names = _doc.Sla.Services.ToDictionary(s => s.ServiceId, s => s.Name, StringComparer.Ordinal);
        TableStart("rpo-table", (_t.Guest, 14), (_t.Service, 15), (_t.RpoTarget + "#", 11), (_t.LastBackup, 19), (_t.Age + "#", 13),
            (_t.Status, 13), (_t.BreachTime + "#", 15));
        foreach (var g in _doc.Guests)
        {
            Raw("<tr ").Raw(Data("guest", g.GuestId)).Raw(" ").Raw(Data("status", g.Status.ToString())).Raw(">");
            Cell(g.GuestId).Cell(names.GetValueOrDefault(g.ServiceId, g.ServiceId)).Cell(_f.Duration(g.Target), "n")
                .Cell(g.LastGoodBackupAt is { } at ? _f.DateTime(at) : "—")
                .Cell(g.Age is { } age ? _f.Duration(age) : "—", "n")
                .Cell(StatusText(g.Status), g.Status == RpoStatus.Met ? "ok" : "bad")
                .Cell(_f.Duration(TimeSpan.FromSeconds(g.Breaches.Sum(b => b.Seconds))), "n")
                .Raw("</tr>\n");
        }
        TableEnd();
        Raw("</section>\n");
    }

    private string StatusText(RpoStatus status) => status switch
    {
        RpoStatus.Met => _t.RpoMet,
        RpoStatus.Breached => _t.RpoBreached,
        _ => _t.RpoNoData,
    };
}
