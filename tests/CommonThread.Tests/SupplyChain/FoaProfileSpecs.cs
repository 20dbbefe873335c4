using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain;

/// <summary>Freedom-of-association profiles on the demo chain (see Demo/DemoSupplyChain.cs).</summary>
public abstract class FoaProfileSpecs(TestApp app)
{
    private async Task<(HttpClient Client, Guid OrgId)> OwnerOfAsync(string organisation) =>
        (await app.OwnerClientAsync(organisation), (await app.OrganisationAsync(organisation)).Id);

    private Task<Guid> FacilityIdAsync(string name) => app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name == name).Select(f => f.Id).SingleAsync());

    [Fact]
    public async Task A_union_recorded_as_present_sees_the_facility_and_its_representatives_contacts()
    {
        var (union, unionId) = await OwnerOfAsync("Bangladesh Garment Workers Federation (demo)");
        var dhaka = await FacilityIdAsync("Dhaka Knitwear Unit 1");

        var seen = await union.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{unionId}/facilities", Http.Json);
        var profile = await union.GetFromJsonAsync<FoaProfileDto>($"/api/organisations/{unionId}/facilities/{dhaka}/foa", Http.Json);

        Assert.Contains(seen!, f => f.Id == dhaka);
        Assert.DoesNotContain(seen!, f => f.Name == "Angkor Stitch Kambol");
        Assert.True(profile!.HasUnion);
        Assert.Equal("+880 1700 000000", profile.Current.Single(f => f.Kind == FoaFactKind.WorkerRepresentative).Contact);
    }

    [Fact]
    public async Task A_buying_brand_sees_the_profile_but_not_the_representatives_contact()
    {
        var (brand, brandId) = await OwnerOfAsync("Northwind Apparel");
        var dhaka = await FacilityIdAsync("Dhaka Knitwear Unit 1");

        var body = await brand.GetStringAsync($"/api/organisations/{brandId}/facilities/{dhaka}/foa");
        var profile = System.Text.Json.JsonSerializer.Deserialize<FoaProfileDto>(body, Http.Json)!;

        var representative = profile.Current.Single(f => f.Kind == FoaFactKind.WorkerRepresentative);
        Assert.Null(representative.Contact);
        Assert.True(representative.ContactWithheld);
        Assert.DoesNotContain("1700 000000", body);
        Assert.True(profile.HasUnion);
    }

    [Fact]
    public async Task A_newer_fact_changes_the_current_profile_and_the_older_one_stays_in_history()
    {
        var (brand, brandId) = await OwnerOfAsync("Meridian Outfitters");
        var angkor = await FacilityIdAsync("Angkor Stitch Kambol");
        var before = await brand.GetFromJsonAsync<FoaProfileDto>($"/api/organisations/{brandId}/facilities/{angkor}/foa", Http.Json);
        Assert.True(before!.HasUnion);

        var after = await (await brand.PostAsJsonAsync($"/api/organisations/{brandId}/facilities/{angkor}/foa",
            new { kind = "Union", source = "Interview", observedOn = before.Current.Single(f => f.Kind == FoaFactKind.Union).ObservedOn.AddDays(1), present = false, name = "Angkor Stitch local union" }))
            .ReadAsync<FoaProfileDto>();

        Assert.False(after.HasUnion);
        Assert.Equal(before.History.Count + 1, after.History.Count);
        Assert.Contains(after.History, f => f.Kind == FoaFactKind.Union && f.Present);
    }

    [Fact]
    public async Task Only_the_operator_self_declares_and_only_a_union_reports_as_a_union()
    {
        var (brand, brandId) = await OwnerOfAsync("Northwind Apparel");
        var mekong = await FacilityIdAsync("Mekong Garments Long An Factory");

        var selfDeclared = await brand.PostAsJsonAsync($"/api/organisations/{brandId}/facilities/{mekong}/foa",
            new { kind = "WorkerCommittee", source = "SelfDeclared", observedOn = "2026-01-01", name = "Committee" });
        var asUnion = await brand.PostAsJsonAsync($"/api/organisations/{brandId}/facilities/{mekong}/foa",
            new { kind = "Union", source = "Union", observedOn = "2026-01-01", name = "A union" });

        Assert.NotEmpty((await selfDeclared.ProblemAsync(HttpStatusCode.Forbidden)).FieldErrors("source"));
        Assert.NotEmpty((await asUnion.ProblemAsync(HttpStatusCode.Forbidden)).FieldErrors("source"));
    }

    [Theory]
    [InlineData("""{"kind":"Union","source":"Audit","observedOn":"2999-01-01","name":"U"}""", "observedOn")]
    [InlineData("""{"kind":"CollectiveAgreement","source":"Audit","observedOn":"2026-01-01","name":"CBA","since":"2026-01-01","expires":"2025-01-01"}""", "expires")]
    [InlineData("""{"kind":"Union","source":"Audit","observedOn":"2026-01-01","name":"U","members":-3}""", "members")]
    [InlineData("""{"kind":"Union","source":"Audit","observedOn":"2026-01-01","name":"U","unionOrganisationId":"0195a000-0000-7000-8000-000000000000"}""", "unionOrganisationId")]
    [InlineData("""{"source":"Audit","observedOn":"2026-01-01","name":"U"}""", "kind")]
    public async Task Bad_facts_name_the_field_and_write_nothing(string body, string field)
    {
        var (supplier, supplierId) = await OwnerOfAsync("Dhaka Knitwear Ltd");
        var dhaka = await FacilityIdAsync("Dhaka Knitwear Unit 1");
        // Only the rows this request could write: other tests add facts at the same time.
        var before = await app.WithDbAsync(db => db.Set<FoaFact>().CountAsync(f => f.FacilityId == dhaka && (f.Name == "U" || f.Name == "CBA")));

        var response = await supplier.PostAsync($"/api/organisations/{supplierId}/facilities/{dhaka}/foa", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<FoaFact>().CountAsync(f => f.FacilityId == dhaka && (f.Name == "U" || f.Name == "CBA"))));
    }
}

public sealed class FoaProfileSpecsOnSqlite(SqliteApp app) : FoaProfileSpecs(app);

public sealed class FoaProfileSpecsOnPostgres(PostgresApp app) : FoaProfileSpecs(app);
