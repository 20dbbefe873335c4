using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.SupplyChain;

/// <summary>The chain and the map of a portfolio too big to draw box by box: grouped and clustered on the server, opened on demand.</summary>
public abstract partial class PortfolioPictureSpecs(TestApp app)
{
    private const int Size = 180;

    /// <summary>A fresh brand buying from 180 facilities of a fresh supplier: 120 in Bangladesh, 60 in Viet Nam, a third with a union.</summary>
    private async Task<(HttpClient Browser, Guid Brand)> PortfolioAsync()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var facilities = Enumerable.Range(0, Size).Select(i => new Facility
            {
                OperatorOrganisationId = supplier.Id, Name = $"Portfolio Unit {i:D3}", Address = $"Plot {i}", CountryCode = i < 120 ? "BD" : "VN",
                Latitude = i < 120 ? 23.8 + (i % 10 * 0.01) : 10.8, Longitude = i < 120 ? 90.4 : 106.6 + (i % 10 * 0.01), CreatedAt = DateTimeOffset.UnixEpoch,
            }).ToList();
            db.AddRange(facilities);
            db.AddRange(facilities.Select(f => new SupplyLink { BuyerOrganisationId = brand.Id, FacilityId = f.Id, Tier = 1, StartDate = today.AddYears(-1), Status = LinkStatus.Confirmed, CreatedAt = DateTimeOffset.UnixEpoch }));
            db.AddRange(facilities.Where((_, i) => i % 3 == 0).Select(f => new FoaFact
            {
                FacilityId = f.Id, Kind = FoaFactKind.Union, Source = FactSource.SelfDeclared, ObservedOn = today.AddMonths(-1), Name = "Union",
                RecordedByOrganisationId = supplier.Id, RecordedAt = DateTimeOffset.UnixEpoch,
            }));
            return await db.SaveChangesAsync();
        });
        var member = await app.NewMemberAsync(brand.Name, MemberRole.Viewer);
        return (await app.SignedInAsync(member.Email, TestMember.Password), brand.Id);
    }

    [Fact]
    public async Task A_chain_too_big_to_draw_collapses_to_its_countries_per_tier_with_counts()
    {
        var (browser, brand) = await PortfolioAsync();

        var html = await browser.GetStringAsync($"/o/{brand}/chain");

        Assert.DoesNotContain("id=\"chain-picture\"", html);
        Assert.Contains($"/o/{brand}/chain?tier=1&amp;country=BD", html);
        Assert.Contains("120", html);
        Assert.Contains("<meter min=\"0\" max=\"120\" value=\"40\"", html);
        Assert.True(html.Length < 60_000, $"the grouped chain is {html.Length} characters");
    }

    [Fact]
    public async Task Opening_a_country_of_a_tier_draws_its_facilities_at_most_150_and_says_how_many_more()
    {
        var (browser, brand) = await PortfolioAsync();

        var vietnam = await browser.GetStringAsync($"/o/{brand}/chain?tier=1&country=VN");
        var bangladesh = await browser.GetStringAsync($"/o/{brand}/chain?tier=1&country=Bangladesh");

        Assert.Contains("id=\"chain-picture\"", vietnam);
        Assert.Equal(60, Boxes().Matches(vietnam).Count);
        Assert.DoesNotContain("class=\"warning\"", vietnam);
        Assert.Equal(120, Boxes().Matches(bangladesh).Count);
    }

    [Fact]
    public async Task The_map_of_a_big_portfolio_draws_clusters_with_counts_that_add_up()
    {
        var (browser, brand) = await PortfolioAsync();

        var html = await browser.GetStringAsync($"/o/{brand}/map");
        var counts = ClusterCount().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var singles = Regex.Matches(html, "class=\"map-marker").Count;

        Assert.NotEmpty(counts);
        Assert.Equal(Size, counts.Sum() + singles);
        Assert.Contains($"/o/{brand}/map?country=BD", html);
    }

    [Fact]
    public async Task A_countrys_map_zooms_in_on_it_and_leaves_the_rest_out()
    {
        var (browser, brand) = await PortfolioAsync();

        var html = await browser.GetStringAsync($"/o/{brand}/map?country=VN");
        var counts = ClusterCount().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).Sum() + Regex.Matches(html, "class=\"map-marker").Count;

        Assert.Equal(60, counts);
        Assert.Contains($"/o/{brand}/facilities?country=VN", html);
    }

    [Fact]
    public void Clusters_hold_every_marker_once_and_name_a_country_only_when_all_are_in_it()
    {
        var rows = Enumerable.Range(0, 500).Select(i => new FoaSummaryRow(Guid.NewGuid(), $"F{i}", "", i % 2 == 0 ? "BD" : "IN", null, 1, false, i % 5 == 0, false, false,
            null, null, null, i % 2 == 0 ? 23.8 + (i % 7) : 11 + (i % 3), i % 2 == 0 ? 90.4 : 77.3)).ToList();

        var map = new FacilityMap(rows, new MapOptions());

        Assert.Equal(500, map.Clusters.Sum(c => c.Count));
        Assert.True(map.Clusters.Count < 100, $"{map.Clusters.Count} clusters");
        Assert.Equal(rows.Count(r => r.HasUnion), map.Clusters.Sum(c => c.WithUnion));
        Assert.All(map.Clusters.Where(c => c.Country is not null), c => Assert.True(c.Y < 90 - 20 ? c.Country == "BD" : c.Country == "IN"));
    }

    [GeneratedRegex("<a href=\"/o/[^\"]+/facilities/[0-9a-f-]{36}\" class=\"chain-node")]
    private static partial Regex Boxes();

    [GeneratedRegex("<text [^>]*dominant-baseline=\"central\">([0-9,]+)</text>")]
    private static partial Regex ClusterCount();
}

public sealed class PortfolioPictureSpecsOnSqlite(SqliteApp app) : PortfolioPictureSpecs(app);

public sealed class PortfolioPictureSpecsOnPostgres(PostgresApp app) : PortfolioPictureSpecs(app);
