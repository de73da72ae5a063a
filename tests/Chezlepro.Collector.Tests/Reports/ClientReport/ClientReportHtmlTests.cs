using System.Text.RegularExpressions;
using Chezlepro.Collector.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Chezlepro.Collector.Reports.ClientReport;
using Xunit;

namespace Chezlepro.Collector.Tests.Reports.ClientReport;

/// <summary>The HTML writer on the month of <see cref="ReportMonth"/>: escaped names, self-contained, both languages, both papers.</summary>
public sealed partial class ClientReportHtmlTests : IAsyncLifetime
{
    private ReportMonth _month = null!;
    private ClientReportDocument _doc = null!;

    public async Task InitializeAsync()
    {
        _month = await ReportMonth.StartAsync();
        var builder = _month.Factory.Services.GetRequiredService<ClientReportBuilder>();
        _doc = (await builder.BuildAsync(new MonthPeriod(2026, 10), "obnl-a", default))!;
    }

    public async Task DisposeAsync() => await _month.DisposeAsync();

    [Theory]
    [InlineData(ReportLanguage.French)]
    [InlineData(ReportLanguage.English)]
    public void Write_ClientAndServiceNamesWithMarkup_AreInertText(ReportLanguage language)
    {
        var html = ClientReportHtml.Write(_doc, language, ReportPaper.Letter);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<noyau>", html, StringComparison.Ordinal);
        Assert.Contains("Coop &lt;script&gt;window.pwned=1&lt;/script&gt; &amp; fils", html, StringComparison.Ordinal);
        Assert.Contains("Courriel &lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Mise à jour &lt;noyau&gt; &amp; redémarrage", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_EveryMarkupCharacter() =>
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", ClientReportHtml.Escape("<a href=\"x\" title='y'>&</a>"));

    [Fact]
    public void Write_SelfContained_NoScriptNoExternalResource()
    {
        var html = ClientReportHtml.Write(_doc, ReportLanguage.French, ReportPaper.A4);

        Assert.DoesNotMatch(SourceOrLink(), html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportPaper.Letter, "size: letter")]
    [InlineData(ReportPaper.A4, "size: A4")]
    public void Write_Paper_PageRule(ReportPaper paper, string rule) =>
        Assert.Contains(rule, ClientReportHtml.Write(_doc, ReportLanguage.French, paper), StringComparison.Ordinal);

    [Fact]
    public void Write_French_SectionsNumbersAndCreditSteps()
    {
        var html = ClientReportHtml.Write(_doc, ReportLanguage.French, ReportPaper.Letter);

        Assert.Contains("<html lang=\"fr-CA\">", html, StringComparison.Ordinal);
        foreach (var id in new[] { "availability", "periods", "incidents", "rpo", "credit", "fingerprint" })
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        Assert.Contains(">98,250\u00a0%<", html, StringComparison.Ordinal);
        Assert.Contains("99,5 − 98,250 = 1,250 point", html, StringComparison.Ordinal);
        Assert.Contains("⌈1,250 ÷ 0,5⌉ = 3", html, StringComparison.Ordinal);
        Assert.Contains("3 × 5\u00a0% = 15\u00a0%", html, StringComparison.Ordinal);
        Assert.Contains("15\u00a0% × 150,00\u00a0$ = 22,50\u00a0$", html, StringComparison.Ordinal);
        Assert.Contains("20 octobre 2026, 8 h 00", html, StringComparison.Ordinal);
        Assert.Contains("ovh/proxy1/probe.mail : aucun résultat depuis le 15 octobre 2026, 12 h 00", html, StringComparison.Ordinal);
        Assert.Contains(_doc.Fingerprint, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_English_SameFiguresInEnglishForm()
    {
        var html = ClientReportHtml.Write(_doc, ReportLanguage.English, ReportPaper.Letter);

        Assert.Contains("<html lang=\"en-CA\">", html, StringComparison.Ordinal);
        Assert.Contains(">98.250%<", html, StringComparison.Ordinal);
        Assert.Contains("15% × $150.00 = $22.50", html, StringComparison.Ordinal);
        Assert.Contains("Mean time to restore (MTTR)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Disponibilité", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<(script|link|iframe|object|embed)\b|<[^>]*\s(src|href)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SourceOrLink();
}
