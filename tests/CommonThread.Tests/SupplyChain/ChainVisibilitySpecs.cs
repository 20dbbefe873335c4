using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain;

/// <summary>Who sees which facility, on the demo chain (see Demo/DemoSupplyChain.cs).</summary>
public abstract class ChainVisibilitySpecs(TestApp app)
{
    private async Task<List<FacilityDto>> FacilitiesSeenByAsync(string organisation)
    {
        var client = await app.OwnerClientAsync(organisation);
        var id = (await app.OrganisationAsync(organisation)).Id;
        // The whole list: other specs add facilities to the demo brands' chains, and the first page holds only the first 100 by name.
        return (await client.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{id}/facilities?limit={CommonThread.Web.Platform.Api.ListPaging.MaxLimit}", Http.Json))!;
    }

    [Fact]
    public async Task A_brand_sees_its_direct_suppliers_and_the_tiers_beneath_them()
    {
        var seen = await FacilitiesSeenByAsync("Solstice Sportswear");

        Assert.Equal(1, seen.Single(f => f.Name == "Tiruppur Textiles Unit 2").Tier);
        Assert.Equal(2, seen.Single(f => f.Name == "Sunrise homework centre, Palladam").Tier);
        Assert.DoesNotContain(seen, f => f.Name == "Dhaka Knitwear Unit 1");
    }

    [Fact]
    public async Task Competing_brands_that_share_a_supplier_each_see_only_their_own_chain()
    {
        var northwind = (await FacilitiesSeenByAsync("Northwind Apparel")).Select(f => f.Name).ToList();
        var meridian = (await FacilitiesSeenByAsync("Meridian Outfitters")).Select(f => f.Name).ToList();

        Assert.Contains("Dhaka Knitwear Unit 1", northwind);
        Assert.Contains("Dhaka Knitwear Unit 1", meridian);
        Assert.Contains("Mekong Garments Long An Factory", northwind);
        Assert.DoesNotContain("Mekong Garments Long An Factory", meridian);
        Assert.Contains("Angkor Stitch Kambol", meridian);
        Assert.DoesNotContain("Angkor Stitch Kambol", northwind);
    }

    [Fact]
    public async Task The_operator_edits_its_facility_a_buying_brand_may_not_and_a_competitor_cannot_see_it()
    {
        var dhaka = await app.OrganisationAsync("Dhaka Knitwear Ltd");
        var supplier = await app.OwnerClientAsync("Dhaka Knitwear Ltd");
        var created = await (await supplier.PostAsJsonAsync($"/api/organisations/{dhaka.Id}/facilities",
            new { name = "Dhaka Knitwear Unit 9", address = "Plot 9, Tongi", countryCode = "bd", osId = "BD2026100ABC123", workersWomen = 10, workersMen = 5, workersTotal = 15 }))
            .ReadAsync<FacilityDto>();
        Assert.Equal("BD", created.CountryCode);
        Assert.True(created.Operated);

        var brand = await app.OwnerClientAsync("Northwind Apparel");
        var northwind = await app.OrganisationAsync("Northwind Apparel");
        await (await brand.PostAsJsonAsync($"/api/organisations/{northwind.Id}/links", new { facilityId = created.Id, tier = 1, startDate = "2026-03-01" })).ReadAsync<SupplyLinkDto>();
        var asBrand = await brand.PutAsJsonAsync($"/api/organisations/{northwind.Id}/facilities/{created.Id}", new { name = "Renamed", address = "x", countryCode = "BD" });
        var competitor = await app.OwnerClientAsync("Mekong Garments Co.");
        var mekong = await app.OrganisationAsync("Mekong Garments Co.");
        var asCompetitor = await competitor.GetAsync($"/api/organisations/{mekong.Id}/facilities/{created.Id}");

        await asBrand.ProblemAsync(HttpStatusCode.Forbidden);
        await asCompetitor.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (await brand.GetFromJsonAsync<FacilityDto>($"/api/organisations/{northwind.Id}/facilities/{created.Id}", Http.Json))!.Tier);
    }

    [Theory]
    [InlineData("""{"name":"X","address":"Y","countryCode":"QQ"}""", "countryCode")]
    [InlineData("""{"name":"X","address":"Y","countryCode":"BD","osId":"VN2019123ABCDEF"}""", "osId")]
    [InlineData("""{"name":"X","address":"Y","countryCode":"BD","latitude":95,"longitude":90}""", "latitude")]
    [InlineData("""{"name":"X","address":"Y","countryCode":"BD","latitude":23.5}""", "latitude")]
    [InlineData("""{"name":"X","address":"Y","countryCode":"BD","workersWomen":10,"workersMen":10,"workersTotal":5}""", "workersTotal")]
    [InlineData("""{"name":"","address":"Y","countryCode":"BD"}""", "name")]
    public async Task Bad_facility_input_names_the_field_and_writes_nothing(string body, string field)
    {
        var dhaka = await app.OrganisationAsync("Dhaka Knitwear Ltd");
        var supplier = await app.OwnerClientAsync("Dhaka Knitwear Ltd");
        // Only the rows this request could write: other tests add facilities at the same time.
        var before = await app.WithDbAsync(db => db.Set<Facility>().CountAsync(f => f.Name == "X" || f.Name == ""));

        var response = await supplier.PostAsync($"/api/organisations/{dhaka.Id}/facilities", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Facility>().CountAsync(f => f.Name == "X" || f.Name == "")));
    }

    [Theory]
    [InlineData("""{"facilityId":"0195a000-0000-7000-8000-000000000000","tier":1,"startDate":"2026-01-01"}""", "facilityId")]
    [InlineData("""{"facilityId":"0195a000-0000-7000-8000-000000000000","tier":11,"startDate":"2026-01-01"}""", "tier")]
    [InlineData("""{"facilityId":"0195a000-0000-7000-8000-000000000000","tier":1}""", "startDate")]
    [InlineData("""{"facilityId":"0195a000-0000-7000-8000-000000000000","tier":1,"startDate":"2026-01-01","shareOfOutputPercent":140}""", "shareOfOutputPercent")]
    public async Task Bad_links_name_the_field_and_write_nothing(string body, string field)
    {
        var (brand, organisation) = await app.NewOrganisationClientAsync(CommonThread.Web.Organisations.OrganisationKind.Brand);

        var response = await brand.PostAsync($"/api/organisations/{organisation.Id}/links", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SupplyLink>().CountAsync(l => l.BuyerOrganisationId == organisation.Id)));
    }

    [Fact]
    public async Task Brands_do_not_record_facilities_and_an_ended_link_stays_as_history()
    {
        // A brand of its own: ending a demo link would change the chain other tests read.
        var (brand, solstice) = await app.NewOrganisationClientAsync(CommonThread.Web.Organisations.OrganisationKind.Brand);
        var tiruppur = await app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name == "Tiruppur Textiles Unit 2").Select(f => f.Id).SingleAsync());
        (await brand.PostAsJsonAsync($"/api/organisations/{solstice.Id}/links", new { facilityId = tiruppur, tier = 1, startDate = "2025-01-01" })).EnsureSuccessStatusCode();
        await (await brand.PostAsJsonAsync($"/api/organisations/{solstice.Id}/facilities", new { name = "X", address = "Y", countryCode = "BD" }))
            .ProblemAsync(HttpStatusCode.Forbidden);

        var link = (await brand.GetFromJsonAsync<List<SupplyLinkDto>>($"/api/organisations/{solstice.Id}/links", Http.Json))!.First();
        var tooEarly = await brand.PostAsJsonAsync($"/api/organisations/{solstice.Id}/links/{link.Id}/end", new { endDate = link.StartDate.AddDays(-1) });
        Assert.NotEmpty((await tooEarly.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("endDate"));

        var ended = await (await brand.PostAsJsonAsync($"/api/organisations/{solstice.Id}/links/{link.Id}/end", new { endDate = link.StartDate.AddDays(30) })).ReadAsync<SupplyLinkDto>();
        Assert.Equal(link.StartDate.AddDays(30), ended.EndDate);
        Assert.Contains((await brand.GetFromJsonAsync<List<SupplyLinkDto>>($"/api/organisations/{solstice.Id}/links", Http.Json))!, l => l.Id == link.Id && l.EndDate is not null);
    }
}

public sealed class ChainVisibilitySpecsOnSqlite(SqliteApp app) : ChainVisibilitySpecs(app);

public sealed class ChainVisibilitySpecsOnPostgres(PostgresApp app) : ChainVisibilitySpecs(app);
