using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chezlepro.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary>A failover call the group's state refuses: 409 with the reason in French (<c>detail</c>) and English (<c>detailEn</c>).</summary>
public sealed class FailoverApiProblemTests : IAsyncLifetime
{
    private const string Operator = "operator-key-0123456789abcd";
    private readonly string _dir = Directory.CreateTempSubdirectory("failover-api-").FullName;
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Collector:DataDirectory"] = _dir, ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Logging:File:Enabled"] = "false", ["Api:Keys:0:Key"] = Operator, ["Api:Keys:0:Role"] = "operator",
            ["Catalog:FailoverGroups:0:Id"] = "public-web", ["Catalog:FailoverGroups:0:Primary"] = "lanaudiere",
            ["Catalog:FailoverGroups:0:Secondary"] = "st-bruno", ["Catalog:FailoverGroups:0:Mode"] = "advisory",
            ["Catalog:FailoverGroups:0:Failback"] = "manual", ["Catalog:FailoverGroups:0:Hold"] = "00:01:00",
        };
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in settings) b.UseSetting(k, v);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("failback", "le groupe public-web est déjà servi par son site primaire lanaudiere.", "Group public-web is already served by its primary lanaudiere.")]
    [InlineData("confirm", "le groupe public-web n’a aucune décision consultative en attente de confirmation.",
        "Group public-web has no advisory decision awaiting confirmation (state PrimaryActive).")]
    public async Task RefusedByTheGroupState_409_BothTexts(string call, string french, string english)
    {
        using var op = _factory.CreateClient();
        op.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Operator);

        var response = await op.PostAsync($"/api/v1/failover/public-web/{call}", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("État du groupe incompatible / Group state does not allow this", body.GetProperty("title").GetString());
        Assert.Equal(french, body.GetProperty("detail").GetString());
        Assert.Equal(english, body.GetProperty("detailEn").GetString());
    }
}
