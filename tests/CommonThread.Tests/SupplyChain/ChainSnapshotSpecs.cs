using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain;

/// <summary>
/// An organisation's chain is kept in memory between requests, under the chain's version; every change to
/// what the chain is made of gives it a new version in the same transaction, so what was kept is never
/// shown after a change, least of all a right that was taken away.
/// </summary>
public abstract class ChainSnapshotSpecs(TestApp app)
{
    private Task<Guid> VersionAsync() => app.WithDbAsync(db => new ChangeStamps(db).VersionAsync(ChainSnapshots.Area, CancellationToken.None));

    private async Task<(HttpClient Supplier, Guid SupplierId, Guid FacilityId)> SupplierWithFacilityAsync()
    {
        var (supplier, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier, MemberRole.Owner);
        var facility = await (await supplier.PostAsJsonAsync($"/api/organisations/{organisation.Id}/facilities",
            new { name = "Snapshot unit", address = "3 Test Road, Gazipur", countryCode = "BD" })).ReadAsync<FacilityDto>();
        return (supplier, organisation.Id, facility.Id);
    }

    [Fact]
    public async Task A_change_to_a_facility_gives_the_chain_a_new_version_and_a_change_elsewhere_does_not()
    {
        var (_, supplierId, facilityId) = await SupplierWithFacilityAsync();
        var before = await VersionAsync();

        await app.WithDbAsync(async db =>
        {
            (await db.Set<Facility>().SingleAsync(f => f.Id == facilityId)).Name = "Snapshot unit renamed";
            return await db.SaveChangesAsync();
        });
        var afterFacility = await VersionAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Set<Organisation>().SingleAsync(o => o.Id == supplierId)).Name = $"Renamed supplier {Guid.NewGuid():N}";
            return await db.SaveChangesAsync();
        });

        Assert.NotEqual(before, afterFacility);
        Assert.NotEqual(Guid.Empty, afterFacility);
        Assert.Equal(afterFacility, await VersionAsync());
    }

    [Fact]
    public async Task Two_saves_in_one_unit_of_work_each_give_the_chain_a_new_version()
    {
        var (_, _, facilityId) = await SupplierWithFacilityAsync();

        var versions = await app.WithDbAsync(async db =>
        {
            var stamps = new ChangeStamps(db);
            var facility = await db.Set<Facility>().SingleAsync(f => f.Id == facilityId);
            facility.Name = "First name";
            await db.SaveChangesAsync();
            var first = await stamps.VersionAsync(ChainSnapshots.Area, CancellationToken.None);
            facility.Name = "Second name";
            await db.SaveChangesAsync();
            return (First: first, Second: await stamps.VersionAsync(ChainSnapshots.Area, CancellationToken.None));
        });

        Assert.NotEqual(versions.First, versions.Second);
    }

    [Fact]
    public async Task A_union_stops_seeing_a_facility_the_moment_its_presence_ends_though_it_had_just_read_its_list()
    {
        var (_, _, facilityId) = await SupplierWithFacilityAsync();
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union, MemberRole.Owner);
        var api = $"/api/organisations/{unionOrg.Id}";
        var claim = await (await union.PostAsJsonAsync($"{api}/union-presence", new { facilityId, claim = "Registration no. 7" })).ReadAsync<PresenceDto>();
        var admin = await app.OwnerClientAsync("CommonThread Platform");
        var adminId = (await app.OrganisationAsync("CommonThread Platform")).Id;
        (await admin.PostAsJsonAsync($"/api/organisations/{adminId}/union-presence/{claim.Id}/decide",
            new { verify = true, evidenceSeen = "RegistrationNumber", note = "Certificate seen" })).EnsureSuccessStatusCode();

        var seen = await union.GetFromJsonAsync<List<FacilityDto>>($"{api}/facilities", Http.Json);
        var seenAgain = await union.GetFromJsonAsync<List<FacilityDto>>($"{api}/facilities", Http.Json);
        (await union.PostAsync($"{api}/union-presence/{claim.Id}/end", null)).EnsureSuccessStatusCode();
        var afterEnd = await union.GetFromJsonAsync<List<FacilityDto>>($"{api}/facilities", Http.Json);

        Assert.Contains(seen!, f => f.Id == facilityId && f.Claim is null);
        Assert.Contains(seenAgain!, f => f.Id == facilityId && f.Claim is null);
        Assert.DoesNotContain(afterEnd!, f => f.Id == facilityId && f.Claim is null);
        await (await union.GetAsync($"{api}/facilities/{facilityId}/foa")).ProblemAsync(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_brand_sees_a_union_its_supplier_records_at_once_though_its_summary_had_just_been_read()
    {
        var (supplier, supplierId, facilityId) = await SupplierWithFacilityAsync();
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Owner);
        var link = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/links", new { facilityId, tier = 1, startDate = "2026-01-01" })).ReadAsync<SupplyLinkDto>();
        (await supplier.PostAsJsonAsync($"/api/organisations/{supplierId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).EnsureSuccessStatusCode();
        var summary = $"/api/organisations/{brandOrg.Id}/foa-summary";

        var before = (await brand.GetFromJsonAsync<FoaSummaryDto>(summary, Http.Json))!.Facilities.Single(f => f.FacilityId == facilityId);
        (await supplier.PostAsJsonAsync($"/api/organisations/{supplierId}/facilities/{facilityId}/foa",
            new { kind = "Union", source = "SelfDeclared", observedOn = "2026-02-01", present = true, name = "Snapshot workers' union" })).EnsureSuccessStatusCode();
        var after = (await brand.GetFromJsonAsync<FoaSummaryDto>(summary, Http.Json))!.Facilities.Single(f => f.FacilityId == facilityId);

        Assert.False(before.HasUnion);
        Assert.True(after.HasUnion);
    }

    [Fact]
    public async Task What_is_kept_for_one_organisation_is_never_given_to_another()
    {
        var (supplier, supplierId, facilityId) = await SupplierWithFacilityAsync();
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Owner);
        var (competitor, competitorOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Owner);
        var link = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/links", new { facilityId, tier = 1, startDate = "2026-01-01" })).ReadAsync<SupplyLinkDto>();
        (await supplier.PostAsJsonAsync($"/api/organisations/{supplierId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).EnsureSuccessStatusCode();

        var brandList = await brand.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{brandOrg.Id}/facilities", Http.Json);
        var competitorList = await competitor.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{competitorOrg.Id}/facilities", Http.Json);

        Assert.Contains(brandList!, f => f.Id == facilityId);
        Assert.DoesNotContain(competitorList!, f => f.Id == facilityId);
    }
}

/// <summary>
/// The chain's version is one for the whole app: a spec running beside these that adds a facility or a link
/// changes it between two reads. These specs run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(ReadsTheChainVersion), DisableParallelization = true)]
public sealed class ReadsTheChainVersion;

[Collection(nameof(ReadsTheChainVersion))]
public sealed class ChainSnapshotSpecsOnSqlite(SqliteApp app) : ChainSnapshotSpecs(app);

[Collection(nameof(ReadsTheChainVersion))]
public sealed class ChainSnapshotSpecsOnPostgres(PostgresApp app) : ChainSnapshotSpecs(app);
