using System.Net;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.SupplyChain;

/// <summary>
/// The clusters the interactive map asks for as it is panned and zoomed: the page's facilities (its confirmed
/// chain), within the box, gathered by the zoom's cell; refused field by field when the box is wrong, and
/// guarded exactly like the page.
/// </summary>
public abstract class FacilityMapClusterSpecs(TestApp app)
{
    private const string World = "west=-180&south=-90&east=180&north=90";

    private sealed record Chain(HttpClient Member, Guid Brand, Guid Rival, HttpClient RivalMember);

    /// <summary>
    /// A fresh brand buying from six facilities in Dhaka (two with a union), one in Phnom Penh (with a union) and
    /// three in Ho Chi Minh City, and claiming one more in Dhaka that is not confirmed; a rival brand buys from
    /// one facility in Dhaka of its own.
    /// </summary>
    private async Task<Chain> ChainAsync()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var rival = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            Facility At(string name, string country, double lat, double lon) => new()
            {
                OperatorOrganisationId = supplier.Id, Name = name, Address = "Plot 1", CountryCode = country, Latitude = lat, Longitude = lon, CreatedAt = DateTimeOffset.UnixEpoch,
            };
            var dhaka = Enumerable.Range(0, 6).Select(i => At($"Dhaka Map Unit {i}", "BD", 23.80 + (i * 0.001), 90.40)).ToList();
            var phnomPenh = At("Phnom Penh Map Unit", "KH", 11.55, 104.90);
            var saigon = Enumerable.Range(0, 3).Select(i => At($"Saigon Map Unit {i}", "VN", 10.80, 106.60 + (i * 0.001))).ToList();
            var claimed = At("Claimed Map Unit", "BD", 23.80, 90.40);
            var rivals = At("Rival Map Unit", "BD", 23.80, 90.40);
            List<Facility> confirmed = [.. dhaka, phnomPenh, .. saigon];
            db.AddRange([.. confirmed, claimed, rivals]);
            SupplyLink Link(Guid buyer, Facility f, LinkStatus status) =>
                new() { BuyerOrganisationId = buyer, FacilityId = f.Id, Tier = 1, StartDate = today.AddYears(-1), Status = status, CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(confirmed.Select(f => Link(brand.Id, f, LinkStatus.Confirmed)));
            db.Add(Link(brand.Id, claimed, LinkStatus.Pending));
            db.Add(Link(rival.Id, rivals, LinkStatus.Confirmed));
            db.AddRange(new[] { dhaka[0], dhaka[1], phnomPenh }.Select(f => new FoaFact
            {
                FacilityId = f.Id, Kind = FoaFactKind.Union, Source = FactSource.SelfDeclared, ObservedOn = today.AddMonths(-1), Name = "Union",
                RecordedByOrganisationId = supplier.Id, RecordedAt = DateTimeOffset.UnixEpoch,
            }));
            return await db.SaveChangesAsync();
        });
        var member = await app.NewMemberAsync(brand.Name, MemberRole.Viewer);
        var rivalMember = await app.NewMemberAsync(rival.Name, MemberRole.Owner);
        return new(await app.SignedInAsync(member.Email, TestMember.Password), brand.Id, rival.Id, await app.SignedInAsync(rivalMember.Email, TestMember.Password));
    }

    private static string Clusters(Guid organisation, string query) => $"/api/organisations/{organisation}/map/clusters?{query}";

    [Fact]
    public async Task The_whole_world_at_a_low_zoom_gathers_the_confirmed_chain_into_circles_whose_counts_add_up()
    {
        var chain = await ChainAsync();

        var map = await (await chain.Member.GetAsync(Clusters(chain.Brand, $"{World}&zoom=2"))).ReadAsync<MapClustersDto>();

        Assert.Equal(2, map.Zoom);
        Assert.Equal(10, map.Facilities);
        Assert.Equal(10, map.Clusters.Sum(c => c.Count));
        var dhaka = Assert.Single(map.Clusters, c => c.Country == "BD");
        Assert.Equal((6, 2, null), (dhaka.Count, dhaka.WithUnion, dhaka.Facility));
        Assert.InRange(dhaka.Latitude, 23.80, 23.806);
        Assert.Equal(90.40, dhaka.Longitude, 6);
        // Phnom Penh and Ho Chi Minh City share a cell this far out: a circle across a border, in no one country.
        var mekong = Assert.Single(map.Clusters, c => c.Country is null);
        Assert.Equal((4, 1), (mekong.Count, mekong.WithUnion));
    }

    [Fact]
    public async Task Zooming_in_splits_a_circle_into_finer_ones_down_to_a_single_facility_named_with_its_link()
    {
        var chain = await ChainAsync();

        var map = await (await chain.Member.GetAsync(Clusters(chain.Brand, "west=100&south=5&east=110&north=15&zoom=8"))).ReadAsync<MapClustersDto>();

        Assert.Equal(4, map.Facilities);
        Assert.Equal(2, map.Clusters.Count);
        var saigon = Assert.Single(map.Clusters, c => c.Country == "VN");
        Assert.Equal((3, 0, null), (saigon.Count, saigon.WithUnion, saigon.Facility));
        var phnomPenh = Assert.Single(map.Clusters, c => c.Country == "KH");
        Assert.Equal(1, phnomPenh.Count);
        Assert.Equal(("Phnom Penh Map Unit", "KH", true), (phnomPenh.Facility!.Name, phnomPenh.Facility.Country, phnomPenh.Facility.HasUnion));
        Assert.Equal((11.55, 104.90), (phnomPenh.Latitude, phnomPenh.Longitude));
    }

    [Fact]
    public async Task The_box_and_the_country_leave_out_every_facility_outside_them()
    {
        var chain = await ChainAsync();

        var bangladesh = await (await chain.Member.GetAsync(Clusters(chain.Brand, "west=88&south=20&east=93&north=27&zoom=5"))).ReadAsync<MapClustersDto>();
        var vietnam = await (await chain.Member.GetAsync(Clusters(chain.Brand, $"{World}&zoom=2&country=Viet Nam"))).ReadAsync<MapClustersDto>();

        Assert.Equal(6, bangladesh.Facilities);
        Assert.All(bangladesh.Clusters, c => Assert.Equal("BD", c.Country));
        Assert.Equal(3, vietnam.Facilities);
        Assert.Equal("VN", Assert.Single(vietnam.Clusters).Country);
    }

    [Fact]
    public async Task A_claim_not_yet_confirmed_and_a_rivals_facilities_never_appear_and_the_rival_sees_none_of_ours()
    {
        var chain = await ChainAsync();

        var ours = await (await chain.Member.GetAsync(Clusters(chain.Brand, $"{World}&zoom=18"))).ReadAsync<MapClustersDto>();
        var theirs = await (await chain.RivalMember.GetAsync(Clusters(chain.Rival, $"{World}&zoom=18"))).ReadAsync<MapClustersDto>();
        var asked = await chain.RivalMember.GetAsync(Clusters(chain.Brand, $"{World}&zoom=2"));

        Assert.Equal(10, ours.Clusters.Count);
        Assert.DoesNotContain(ours.Clusters, c => c.Facility?.Name is "Claimed Map Unit" or "Rival Map Unit");
        Assert.Equal("Rival Map Unit", Assert.Single(theirs.Clusters).Facility?.Name);
        await asked.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("Map Unit", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_signed_out_is_refused_and_so_is_a_signed_in_person_of_no_organisation_on_it()
    {
        var chain = await ChainAsync();
        var stranger = await app.NewMemberAsync((await app.NewOrganisationAsync(OrganisationKind.Union)).Name, MemberRole.Owner);

        var anonymous = await app.Anonymous().GetAsync(Clusters(chain.Brand, $"{World}&zoom=2"));
        var signedIn = await (await app.SignedInAsync(stranger.Email, TestMember.Password)).GetAsync(Clusters(chain.Brand, $"{World}&zoom=2"));
        var page = await (await app.SignedInAsync(stranger.Email, TestMember.Password)).GetAsync($"/o/{chain.Brand}/map");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await signedIn.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Map Unit", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("south=-90&east=180&north=90&zoom=2", "west")]
    [InlineData("west=abc&south=-90&east=180&north=90&zoom=2", "west")]
    [InlineData("west=-180&south=-91&east=180&north=90&zoom=2", "south")]
    [InlineData("west=-180&south=-90&east=NaN&north=90&zoom=2", "east")]
    [InlineData("west=10&south=-90&east=10&north=90&zoom=2", "east")]
    [InlineData("west=-180&south=40&east=180&north=30&zoom=2", "north")]
    [InlineData("west=-180&south=-90&east=180&north=90&zoom=19", "zoom")]
    [InlineData("west=-180&south=-90&east=180&north=90&zoom=1.5", "zoom")]
    [InlineData("west=-180&south=-90&east=180&north=90", "zoom")]
    [InlineData("west=-180&south=-90&east=180&north=90&zoom=2&country=Atlantis", "country")]
    public async Task A_box_that_is_not_valid_is_refused_naming_the_field(string query, string field)
    {
        var chain = await ChainAsync();

        var problem = await (await chain.Member.GetAsync(Clusters(chain.Brand, query))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Every_wrong_field_is_named_at_once()
    {
        var chain = await ChainAsync();

        var problem = await (await chain.Member.GetAsync(Clusters(chain.Brand, "west=x&south=y&east=1&north=2&zoom=-1"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["south", "west", "zoom"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()).Order().ToArray());
    }

    [Fact]
    public async Task The_map_page_carries_the_interactive_map_hidden_with_its_deferred_scripts_and_no_other_page_does()
    {
        var chain = await ChainAsync();

        var html = await chain.Member.GetStringAsync($"/o/{chain.Brand}/map");
        var facilities = await chain.Member.GetStringAsync($"/o/{chain.Brand}/facilities");

        Assert.Contains("id=\"facility-map\"", html);
        Assert.Matches("<div id=\"facility-map-live\"[^>]* hidden", html);
        Assert.Contains($"data-clusters=\"/api/organisations/{chain.Brand}/map/clusters\"", html);
        Assert.Matches("<script src=\"/lib/leaflet/leaflet.js\\?v=[0-9a-f]+\" defer></script>", html);
        Assert.Matches("<script src=\"/js/facility-map.js\\?v=[0-9a-f]+\" defer></script>", html);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/lib/leaflet/leaflet.css\\?v=[0-9a-f]+\"", html);
        Assert.DoesNotContain("<script", facilities, StringComparison.Ordinal);
        Assert.DoesNotContain("leaflet", facilities, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_library_and_the_country_shapes_are_served_from_our_own_files_under_a_policy_of_our_own_scripts_only()
    {
        var client = app.Anonymous();

        var script = await client.GetAsync("/lib/leaflet/leaflet.js");
        var own = await client.GetAsync("/js/facility-map.js");
        var shapes = await client.GetAsync("/maps/world.geo.json");
        var icon = await client.GetAsync("/lib/leaflet/images/layers.png");

        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self';", string.Join(" ", script.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        using var geo = JsonDocument.Parse(await shapes.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
        Assert.Contains(geo.RootElement.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "Bangladesh");
    }
}

public sealed class FacilityMapClusterSpecsOnSqlite(SqliteApp app) : FacilityMapClusterSpecs(app);

public sealed class FacilityMapClusterSpecsOnPostgres(PostgresApp app) : FacilityMapClusterSpecs(app);
