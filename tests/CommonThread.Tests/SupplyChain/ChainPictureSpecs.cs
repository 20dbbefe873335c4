using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.SupplyChain;

/// <summary>The chain as a graph and as a picture, and the facilities as GeoJSON, on the demo chain.</summary>
public abstract class ChainPictureSpecs(TestApp app)
{
    [Fact]
    public async Task The_chain_runs_from_the_brand_through_its_supplier_down_to_the_homework_centre()
    {
        var brand = await app.OwnerClientAsync("Solstice Sportswear");
        var id = (await app.OrganisationAsync("Solstice Sportswear")).Id;

        var chain = (await brand.GetFromJsonAsync<ChainDto>($"/api/organisations/{id}/chain", Http.Json))!;

        var tiruppur = chain.Nodes.Single(n => n.Name == "Tiruppur Textiles Unit 2");
        var homework = chain.Nodes.Single(n => n.Name == "Sunrise homework centre, Palladam");
        Assert.Equal((1, 2), (tiruppur.Tier, homework.Tier));
        Assert.Contains(new ChainEdge(null, tiruppur.FacilityId), chain.Edges);
        Assert.Contains(new ChainEdge(tiruppur.FacilityId, homework.FacilityId), chain.Edges);
        Assert.DoesNotContain(chain.Nodes, n => n.Name == "Dhaka Knitwear Unit 1");
    }

    [Fact]
    public async Task The_chain_page_draws_every_tier_as_a_picture_with_links_to_each_facility()
    {
        var solstice = await app.OrganisationAsync("Solstice Sportswear");
        var member = await app.NewMemberAsync(solstice.Name, Web.Organisations.MemberRole.Viewer);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);

        var html = await browser.GetStringAsync($"/o/{solstice.Id}/chain");

        Assert.Contains("<svg class=\"chain\"", html, StringComparison.Ordinal);
        Assert.Contains("data-tier=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("Sunrise homework centre", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "class=\"chain-edge[^\"]*\" d=\"M[0-9]").Count);
    }

    [Fact]
    public async Task A_facility_outside_the_chain_cannot_be_the_focus()
    {
        var brand = await app.OwnerClientAsync("Solstice Sportswear");
        var id = (await app.OrganisationAsync("Solstice Sportswear")).Id;
        var dhaka = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id)));

        var response = await brand.GetAsync($"/api/organisations/{id}/chain?facilityId={dhaka}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GeoJSON_gives_each_located_facility_as_a_point_longitude_first()
    {
        var brand = await app.OwnerClientAsync("Northwind Apparel");
        var id = (await app.OrganisationAsync("Northwind Apparel")).Id;

        var response = await brand.GetAsync($"/api/organisations/{id}/facilities.geojson");
        var geo = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var dhaka = geo.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "Dhaka Knitwear Unit 1");
        Assert.Equal([90.420, 23.999], dhaka.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.True(dhaka.GetProperty("properties").GetProperty("union").GetBoolean());
        Assert.DoesNotContain(geo.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "Angkor Stitch Kambol");
    }
}

public sealed class ChainPictureSpecsOnSqlite(SqliteApp app) : ChainPictureSpecs(app);

public sealed class ChainPictureSpecsOnPostgres(PostgresApp app) : ChainPictureSpecs(app);
