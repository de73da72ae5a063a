using System.Globalization;

namespace Chezlepro.Collector.Reports.ClientReport;

public sealed partial class ClientReportHtml
{
    private void Availability()
    {
        var c = _doc.Sla;
        SectionStart("availability", _t.AvailabilityTitle);
        TableStart("availability-table", (_t.Service, 23), (_t.Category, 11), (_t.Availability + "#", 14), (_t.Objective + "#", 10),
            (_t.DownTime + "#", 14), (_t.UnknownTime + "#", 14), (_t.MaintenanceTime + "#", 14));
        foreach (var s in c.Services)
        {
            var a = s.Availability;
            Raw("<tr ").Raw(Data("service", s.ServiceId)).Raw(">");
            Cell(s.Name).Cell(s.Category)
                .Cell(_f.Percent(a.Percent), Class(a.Percent, c.Objective), Data("availability", Invariant(a.Percent)))
                .Cell(_f.ShortPercent(c.Objective), "n")
                .Cell(_f.Duration(TimeSpan.FromSeconds(a.DownSeconds)), "n")
                .Cell(_f.Duration(TimeSpan.FromSeconds(a.UnknownSeconds)), "n")
                .Cell(_f.Duration(TimeSpan.FromSeconds(a.ExcludedSeconds)), "n")
                .Raw("</tr>\n");
        }

        Raw("<tr class=\"total\" id=\"contract-row\">");
        Cell(_t.ContractTotal).Cell("")
            .Cell(_f.Percent(c.Availability), Class(c.Availability, c.Objective), Data("availability", Invariant(c.Availability)))
            .Cell(_f.ShortPercent(c.Objective), "n", Data("objective", c.Objective.ToString(CultureInfo.InvariantCulture)))
            .Cell(_f.Duration(TimeSpan.FromSeconds(c.DownSeconds)), "n")
            .Cell(_f.Duration(TimeSpan.FromSeconds(c.UnknownSeconds)), "n")
            .Cell(_f.Duration(TimeSpan.FromSeconds(c.ExcludedSeconds)), "n")
            .Raw("</tr>\n");
        TableEnd();
        Paragraph(c.UnknownCountsAsDown ? _t.UnknownCounts : _t.UnknownIgnored, "note");
        Raw("</section>\n");
    }

    private static string Class(decimal? availability, decimal objective) =>
        availability is { } a && a < objective ? "n bad" : "n";

    private static string Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
