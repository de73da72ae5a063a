using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.DrTests;
using Chezlepro.Collector.Incidents.Notices;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage;

/// <summary>The notice and DR-test stores, same contract on SQLite and PostgreSQL: what is added is read back whole, in order, after a reopen.</summary>
public abstract class RecordStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);

    /// <summary>Opens the stores (a second call: the same data, new instances).</summary>
    protected abstract Task<(INoticeStore Notices, IDrTestStore DrTests)> OpenAsync();

    /// <summary>Releases the stores of one open.</summary>
    protected abstract ValueTask CloseAsync(INoticeStore notices, IDrTestStore drTests);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Notices_AddedReadBackInOrder_PerIncidentOrAll_SurviveReopen()
    {
        var (notices, tests) = await OpenAsync();
        var a = await notices.AddAsync(new IncidentNotice(0, "mail-20261103T135900Z", NoticeTypes.First, "email", T0, "Panne du courriel", "Alice", T0.AddSeconds(3)),
            CancellationToken.None);
        var b = await notices.AddAsync(new IncidentNotice(0, "erp-20261103T120000Z", NoticeTypes.BreachDeclared, "", T0.AddMinutes(1), null, "Bob", T0.AddMinutes(2)),
            CancellationToken.None);
        var c = await notices.AddAsync(new IncidentNotice(0, "mail-20261103T135900Z", NoticeTypes.Update, "phone", T0.AddHours(1), "Toujours en cours", "Alice", T0.AddHours(1)),
            CancellationToken.None);
        Assert.True(a.Id > 0 && b.Id > a.Id && c.Id > b.Id);
        await CloseAsync(notices, tests);

        (notices, tests) = await OpenAsync();
        Assert.Equal([a, c], await notices.ListAsync("mail-20261103T135900Z", CancellationToken.None));
        Assert.Equal([a, b, c], await notices.ListAsync(null, CancellationToken.None));
        Assert.Empty(await notices.ListAsync("nope-20261103T135900Z", CancellationToken.None));
        await CloseAsync(notices, tests);
    }

    [Fact]
    public async Task DrTests_AddedReadBackWithTheirServices_NewestDateFirst_SurviveReopen()
    {
        var (notices, tests) = await OpenAsync();
        var older = await tests.AddAsync(new DrTest(0, new DateOnly(2025, 11, 2), "Perte du site OVH", [DrTargets.Measure("mail", ServiceCategory.Critical, 200, 30)],
            "RAS", null, "Alice", T0), CancellationToken.None);
        var newer = await tests.AddAsync(new DrTest(0, new DateOnly(2026, 10, 5), "Rançongiciel", [
            DrTargets.Measure("erp", ServiceCategory.Important, 600, 120), DrTargets.Measure("mail", ServiceCategory.Critical, 90, 61)],
            "Restauration ERP trop lente", "https://example.org/dr/2026.pdf", "Bob", T0.AddDays(1)), CancellationToken.None);
        Assert.True(newer.Id > older.Id);
        await CloseAsync(notices, tests);

        (notices, tests) = await OpenAsync();
        var list = await tests.ListAsync(CancellationToken.None);
        Assert.Equal([newer.Id, older.Id], list.Select(t => t.Id));
        var read = list[0];
        Assert.Equal((newer.Date, newer.Scenario, newer.Findings, newer.ReportUrl, newer.Author, newer.RecordedAt),
            (read.Date, read.Scenario, read.Findings, read.ReportUrl, read.Author, read.RecordedAt));
        Assert.Equal(newer.Services.OrderBy(s => s.Service, StringComparer.Ordinal), read.Services);
        Assert.False(read.Services[0].RtoMet); // erp: 600 min against 480
        Assert.False(read.Services[1].RpoMet); // mail: 61 min against 60
        Assert.Equal(older.Services, list[1].Services);
        await CloseAsync(notices, tests);
    }
}
