using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.SupplyChain;

public abstract class CountryContextSpecs(TestApp app)
{
    [Fact]
    public async Task The_shipped_country_context_is_loaded_with_each_figure_beside_its_year_and_gaps_left_empty()
    {
        var member = await app.ClientForAsync(await app.NewMemberAsync("Northwind Apparel", MemberRole.Viewer));

        var countries = (await member.GetFromJsonAsync<List<CountryContextDto>>("/api/country-context", Http.Json))!;

        var bangladesh = countries.Single(c => c.CountryCode == "BD");
        Assert.Equal(("5", 2024, "1972", "no"), (bangladesh.ItucRating, bangladesh.ItucYear, bangladesh.C87Ratified, bangladesh.C177Ratified));
        Assert.Equal("5+", countries.Single(c => c.CountryCode == "MM").ItucRating);
        var ethiopia = countries.Single(c => c.CountryCode == "ET");
        Assert.Null(ethiopia.ItucRating);
        Assert.Null(ethiopia.ItucYear);
        Assert.Null(countries.Single(c => c.CountryCode == "VN").C87Ratified);
        Assert.Equal("Türkiye", countries.Single(c => c.CountryCode == "TR").Country);
        Assert.True(countries.Count >= 14);
    }

    [Fact]
    public async Task An_initiative_updates_a_country_and_a_brand_may_not()
    {
        var initiative = await app.NewMemberAsync("Fair Threads Initiative", MemberRole.Editor);
        var client = await app.ClientForAsync(initiative);
        var brand = await app.NewMemberAsync("Northwind Apparel", MemberRole.Owner);

        var saved = await (await client.PutAsJsonAsync($"/api/organisations/{initiative.OrganisationId}/country-context/GT",
            new { country = "Guatemala", itucRating = "5", itucYear = 2025, c87Ratified = "1952", c98Ratified = "1952", c177Ratified = "no" })).ReadAsync<CountryContextDto>();
        var byBrand = await (await app.ClientForAsync(brand)).PutAsJsonAsync($"/api/organisations/{brand.OrganisationId}/country-context/GT", new { country = "Guatemala" });

        Assert.Equal(("GT", "5", 2025), (saved.CountryCode, saved.ItucRating, saved.ItucYear));
        await byBrand.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{"country":"Mexico","itucRating":"7","itucYear":2025}""", "itucRating")]
    [InlineData("""{"country":"Mexico","itucRating":"3"}""", "itucYear")]
    [InlineData("""{"country":"Mexico","c87Ratified":"maybe"}""", "c87Ratified")]
    [InlineData("""{"country":"Mexico","c98Ratified":"1800"}""", "c98Ratified")]
    [InlineData("""{"country":""}""", "country")]
    public async Task Bad_country_context_names_the_field_and_changes_nothing(string body, string field)
    {
        var initiative = await app.NewMemberAsync("Fair Threads Initiative", MemberRole.Editor);
        var client = await app.ClientForAsync(initiative);

        var response = await client.PutAsync($"/api/organisations/{initiative.OrganisationId}/country-context/MX", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field));
        var mexico = (await client.GetFromJsonAsync<List<CountryContextDto>>("/api/country-context", Http.Json))!.Single(c => c.CountryCode == "MX");
        Assert.Equal(("3", 2025, "1950"), (mexico.ItucRating, mexico.ItucYear, mexico.C87Ratified));
    }
}

public sealed class CountryContextSpecsOnSqlite(SqliteApp app) : CountryContextSpecs(app);

public sealed class CountryContextSpecsOnPostgres(PostgresApp app) : CountryContextSpecs(app);
