using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary><c>GET /api/v1/rpo</c> with guests: a guest's own RPO is the target shown.</summary>
public sealed partial class ServiceLevelsApiTests
{
    [Fact]
    public async Task Rpo_GuestWithItsOwnRpo_ShowsItAsTheTarget()
    {
        await using var withGuests = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Catalog:Guests:0:Id", "vm-101");
            b.UseSetting("Catalog:Guests:0:Service", "mail");
            b.UseSetting("Catalog:Guests:0:Rpo", "00:30:00");
            b.UseSetting("Catalog:Guests:1:Id", "vm-102");
            b.UseSetting("Catalog:Guests:1:Service", "mail");
        });
        using var reader = withGuests.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Reader);
        var guests = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/rpo")).EnumerateArray()
            .ToDictionary(g => g.GetProperty("guestId").GetString()!, g => g.GetProperty("targetSeconds").GetDouble());
        Assert.Equal(1800d, guests["vm-101"]);
        Assert.Equal(3600d, guests["vm-102"]);
    }
}
