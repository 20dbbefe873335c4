using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.SupplyChain;

/// <summary>Lists at portfolio scale: filtered, sorted and paged on the server, with the same filter for the page, the API and the export.</summary>
public abstract class FacilityListSpecs(TestApp app)
{
    private sealed record Portfolio(HttpClient Api, Organisation Organisation, string Word, TestMember Member);

    /// <summary>A supplier running four facilities in Bangladesh and three in Viet Nam, all named with one word no other test uses.</summary>
    private async Task<Portfolio> PortfolioAsync()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        var api = await app.ClientForAsync(member);
        var word = "Lst" + Guid.NewGuid().ToString("N")[..8];
        var workers = 100;
        foreach (var (country, n) in new[] { ("BD", 1), ("BD", 2), ("BD", 3), ("BD", 4), ("VN", 1), ("VN", 2), ("VN", 3) })
        {
            (await api.PostAsJsonAsync($"/api/organisations/{organisation.Id}/facilities",
                new { name = $"{word} {country} Unit {n}", address = $"Road {n}", countryCode = country, workersTotal = workers += 37 })).EnsureSuccessStatusCode();
        }

        return new(api, organisation, word, member);
    }

    [Fact]
    public async Task The_api_pages_a_filtered_list_with_its_total_and_a_cursor_that_walks_it_once()
    {
        var p = await PortfolioAsync();
        var seen = new List<FacilityDto>();
        var next = $"/api/organisations/{p.Organisation.Id}/facilities?country=BD&limit=3";
        var pages = 0;
        while (next is not null)
        {
            var response = await p.Api.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("4", response.Headers.GetValues("X-Total-Count").Single());
            seen.AddRange((await response.Content.ReadFromJsonAsync<List<FacilityDto>>(Http.Json))!);
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
            pages++;
        }

        Assert.Equal(2, pages);
        Assert.Equal(4, seen.Select(f => f.Id).Distinct().Count());
        Assert.All(seen, f => Assert.Equal("BD", f.CountryCode));
    }

    [Fact]
    public async Task A_cursor_still_continues_after_the_row_it_names_has_left_the_list()
    {
        var p = await PortfolioAsync();
        var first = await p.Api.GetAsync($"/api/organisations/{p.Organisation.Id}/facilities?q={p.Word}&sort=name&limit=2");
        var page = (await first.Content.ReadFromJsonAsync<List<FacilityDto>>(Http.Json))!;
        var next = first.Headers.GetValues("Link").Single().Split('<', '>')[1];
        // The last row is renamed out of the search between the two pages.
        var last = page[^1];
        (await p.Api.PutAsJsonAsync($"/api/organisations/{p.Organisation.Id}/facilities/{last.Id}",
            new { name = "Renamed away", address = last.Address, countryCode = last.CountryCode })).EnsureSuccessStatusCode();

        var rest = (await p.Api.GetFromJsonAsync<List<FacilityDto>>(next, Http.Json))!;

        Assert.Equal(2, rest.Count);
        Assert.Empty(rest.Select(f => f.Id).Intersect(page.Select(f => f.Id)));
        Assert.Equal($"{p.Word} BD Unit 3", rest[0].Name);
    }

    [Fact]
    public async Task Without_a_limit_the_api_still_answers_a_bounded_page()
    {
        var p = await PortfolioAsync();
        var response = await p.Api.GetAsync($"/api/organisations/{p.Organisation.Id}/facilities");
        var rows = (await response.Content.ReadFromJsonAsync<List<FacilityDto>>(Http.Json))!;

        Assert.Equal(7, rows.Count);
        Assert.Equal("7", response.Headers.GetValues("X-Total-Count").Single());
        Assert.False(response.Headers.Contains("Link"));
        Assert.True(Web.Platform.Api.ListPaging.DefaultLimit <= Web.Platform.Api.ListPaging.MaxLimit);
    }

    [Fact]
    public async Task Sorting_by_workers_puts_the_largest_facility_first()
    {
        var p = await PortfolioAsync();
        var rows = (await p.Api.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{p.Organisation.Id}/facilities?sort=workers&limit=2", Http.Json))!;

        Assert.Equal([$"{p.Word} VN Unit 3", $"{p.Word} VN Unit 2"], rows.Select(r => r.Name));
    }

    [Theory]
    [InlineData("country=Atlantis", "country")]
    [InlineData("tier=99", "tier")]
    [InlineData("union=maybe", "union")]
    [InlineData("link=rumoured", "link")]
    [InlineData("sort=size", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=WyJhIl0", "cursor")]
    public async Task A_filter_value_that_is_not_one_is_a_field_level_problem(string query, string field)
    {
        var p = await PortfolioAsync();
        var response = await p.Api.GetAsync($"/api/organisations/{p.Organisation.Id}/facilities?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_country_may_be_filtered_by_its_name_as_well_as_its_code()
    {
        var p = await PortfolioAsync();
        var response = await p.Api.GetAsync($"/api/organisations/{p.Organisation.Id}/facilities?country=Viet%20Nam");

        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task The_export_is_the_filtered_set_whole()
    {
        var p = await PortfolioAsync();
        var csv = await p.Api.GetStringAsync($"/api/organisations/{p.Organisation.Id}/foa-summary.csv?country=VN&page=2");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains($"{p.Word} VN", l));
    }

    [Fact]
    public async Task The_page_shows_the_filtered_list_with_its_total_and_exports_the_same_filter()
    {
        var p = await PortfolioAsync();
        var browser = await app.SignedInAsync(p.Member.Email, TestMember.Password);

        var html = await browser.GetStringAsync($"/o/{p.Organisation.Id}/facilities?country=VN&sort=workers");

        Assert.Contains("Showing 1–3 of 3", html);
        Assert.DoesNotContain($"{p.Word} BD", html);
        Assert.True(html.IndexOf($"{p.Word} VN Unit 3", StringComparison.Ordinal) < html.IndexOf($"{p.Word} VN Unit 1", StringComparison.Ordinal));
        Assert.Contains($"foa-summary.csv?country=VN&amp;sort=workers", html);
        Assert.Contains("data-label=\"Trade union\"", html);
    }

    [Fact]
    public async Task The_page_shows_a_bad_filter_as_a_message_not_an_error_page()
    {
        var p = await PortfolioAsync();
        var browser = await app.SignedInAsync(p.Member.Email, TestMember.Password);

        var response = await browser.GetAsync($"/o/{p.Organisation.Id}/facilities?tier=banana");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"filter-error\"", html);
        Assert.DoesNotContain($"{p.Word} BD Unit 1", html);
    }

    [Fact]
    public async Task A_search_never_reaches_a_facility_outside_the_organisations_rights()
    {
        var p = await PortfolioAsync();
        var (stranger, strangerOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);

        var response = await stranger.GetAsync($"/api/organisations/{strangerOrganisation.Id}/facilities?q={p.Word}");

        Assert.Equal("0", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Empty((await response.Content.ReadFromJsonAsync<List<FacilityDto>>(Http.Json))!);
    }
}

public sealed class FacilityListSpecsOnSqlite(SqliteApp app) : FacilityListSpecs(app);

public sealed class FacilityListSpecsOnPostgres(PostgresApp app) : FacilityListSpecs(app);
