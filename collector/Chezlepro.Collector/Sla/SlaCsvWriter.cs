using System.Globalization;
using System.Text;

namespace Chezlepro.Collector.Sla;

/// <summary>
/// The monthly report as CSV (RFC 4180, comma, invariant culture, UTC instants): one row per contract (service
/// column empty) followed by one row per service. The numbers are the JSON model's, formatted invariantly.
/// The header is English unless French is asked for (<c>?lang=fr</c>): the English header stays the default because
/// scripts already parse it and a closed month's fingerprint is the hash of this CSV (<see cref="SlaReportFingerprint"/>),
/// which must not change for months already closed.
/// </summary>
public static class SlaCsvWriter
{
    /// <summary>The header line.</summary>
    public const string Header = "month,contract,client,service,from,to,up_s,down_s,unknown_s,excluded_s,availability,objective,shortfall,tranches,credit_pct,credit_amount,currency";

    /// <summary>The header line in French (Québec), column for column the same as <see cref="Header"/>.</summary>
    public const string HeaderFrench = "mois,contrat,client,service,début,fin,dispo_s,panne_s,inconnu_s,exclu_s,disponibilité,objectif,écart,tranches,crédit_pct,crédit_montant,devise";

    /// <summary>Writes the report (English header).</summary>
    public static void Write(SlaReport report, TextWriter writer) => Write(report, writer, french: false);

    /// <summary>Writes the report with the header in French or English; the rows are the same.</summary>
    public static void Write(SlaReport report, TextWriter writer, bool french)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(french ? HeaderFrench : Header);
        writer.Write("\r\n");
        foreach (var c in report.Contracts)
        {
            Row(writer, report.Month, c.ContractId, c.Client, "", c.From, c.To, c.UpSeconds, c.DownSeconds, c.UnknownSeconds, c.ExcludedSeconds,
                c.Availability, Num(c.Objective), Num(c.Shortfall), c.Tranches.ToString(CultureInfo.InvariantCulture), Num(c.CreditPercent), c.CreditAmount.ToString("0.00", CultureInfo.InvariantCulture), c.Currency);
            foreach (var s in c.Services)
            {
                var a = s.Availability;
                Row(writer, report.Month, c.ContractId, c.Client, s.ServiceId, a.From, a.To, a.UpSeconds, a.DownSeconds, a.UnknownSeconds, a.ExcludedSeconds,
                    a.Percent, Num(c.Objective), "", "", "", "", c.Currency);
            }
        }
    }

    /// <summary>The report as a CSV string (English header: the form the fingerprint hashes).</summary>
    public static string ToCsv(SlaReport report) => ToCsv(report, french: false);

    /// <summary>The report as a CSV string, header in French or English.</summary>
    public static string ToCsv(SlaReport report, bool french)
    {
        var sb = new StringBuilder();
        using (var w = new StringWriter(sb, CultureInfo.InvariantCulture)) Write(report, w, french);
        return sb.ToString();
    }

    private static void Row(TextWriter w, string month, string contract, string client, string service, DateTimeOffset from, DateTimeOffset to,
        double up, double down, double unknown, double excluded, decimal? availability, string objective, string shortfall, string tranches, string credit, string amount, string currency)
    {
        string[] cells =
        [
            month, contract, client, service, Instant(from), Instant(to), Seconds(up), Seconds(down), Seconds(unknown), Seconds(excluded),
            availability is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "", objective, shortfall, tranches, credit, amount, currency,
        ];
        w.Write(string.Join(',', cells.Select(Escape)));
        w.Write("\r\n");
    }

    private static string Num(decimal d) => d.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Seconds(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Escape(string cell)
    {
        var safe = cell;
        // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection); a client name is free text.
        if (safe.Length > 0 && safe[0] is '=' or '+' or '-' or '@') safe = "'" + safe;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
