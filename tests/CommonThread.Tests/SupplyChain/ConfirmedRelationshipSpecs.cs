using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.SupplyChain;

/// <summary>
/// A right comes from a confirmed relationship, never from a claim one party made alone: a buyer's link
/// until the facility's operator confirms it, a supplier's link upward until the buyer does, a union's
/// presence until someone who is neither employer nor buyer verifies it.
/// </summary>
public abstract class ConfirmedRelationshipSpecs(TestApp app)
{
    private const string Dhaka = "Dhaka Knitwear Unit 1";

    private Task<Guid> FacilityAsync(string name) => app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name == name).Select(f => f.Id).SingleAsync());

    private async Task<(HttpClient Client, Guid Id)> OwnerAsync(string organisation) =>
        (await app.OwnerClientAsync(organisation), (await app.OrganisationAsync(organisation)).Id);

    /// <summary>Files a case through Dhaka Knitwear's own mechanism (its gateway) and returns the organisations that became parties.</summary>
    private async Task<HashSet<Guid>> PartiesOfNewCaseAtDhakaAsync()
    {
        var (dhaka, dhakaId) = await OwnerAsync("Dhaka Knitwear Ltd");
        var receipt = await (await dhaka.PostAsJsonAsync($"/api/organisations/{dhakaId}/grievance-intake/dhaka1",
            new { submissionId = Guid.NewGuid(), category = "Other", text = "Overtime is not paid" })).ReadAsync<Receipt>();
        return (await app.WithDbAsync(db => (from c in db.Set<GrievanceCase>()
                                              join p in db.Set<CaseParty>() on c.Id equals p.CaseId
                                              where c.Reference == receipt.Reference
                                              select p.OrganisationId).ToListAsync())).ToHashSet();
    }

    private async Task<List<LinkClaimDto>> ClaimsForAsync(HttpClient client, Guid organisationId) =>
        (await client.GetFromJsonAsync<List<LinkClaimDto>>($"/api/organisations/{organisationId}/link-claims", Http.Json))!;

    [Fact]
    public async Task A_brands_link_shows_only_registry_data_until_the_facilitys_operator_confirms_it()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var facility = await FacilityAsync(Dhaka);

        var link = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/links", new { facilityId = facility, tier = 1, startDate = "2026-01-01" })).ReadAsync<SupplyLinkDto>();

        Assert.Equal(LinkStatus.Pending, link.Status);
        var listed = (await brand.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{brandOrg.Id}/facilities", Http.Json))!.Single(f => f.Id == facility);
        Assert.Equal((LinkStatus?)LinkStatus.Pending, listed.Claim);
        Assert.Equal(1, listed.Tier);
        // Dhaka Knitwear's profile holds the federation's union and its representative's contact: none of it reaches a claimant.
        var profile = await brand.GetFromJsonAsync<FoaProfileDto>($"/api/organisations/{brandOrg.Id}/facilities/{facility}/foa", Http.Json);
        Assert.Empty(profile!.History);
        Assert.False(profile.HasUnion);
        await (await brand.GetAsync($"/api/organisations/{brandOrg.Id}/chain?facilityId={facility}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/facilities/{facility}/foa/share", new { })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(brandOrg.Id, await PartiesOfNewCaseAtDhakaAsync());
        var row = (await brand.GetFromJsonAsync<FoaSummaryDto>($"/api/organisations/{brandOrg.Id}/foa-summary", Http.Json))!.Facilities.Single(f => f.FacilityId == facility);
        Assert.Equal((LinkStatus?)LinkStatus.Pending, row.Claim);
        Assert.False(row.HasUnion);

        var (dhaka, dhakaId) = await OwnerAsync("Dhaka Knitwear Ltd");
        var waiting = await ClaimsForAsync(dhaka, dhakaId);
        Assert.Contains(waiting, c => c.Id == link.Id && c.Status == LinkStatus.Pending && c.Buyer == brandOrg.Name);
        var decided = await (await dhaka.PostAsJsonAsync($"/api/organisations/{dhakaId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).ReadAsync<List<LinkClaimDto>>();

        Assert.Equal(LinkStatus.Confirmed, decided.Single().Status);
        Assert.NotNull(decided.Single().DecidedOn);
        var confirmed = await brand.GetFromJsonAsync<FacilityDto>($"/api/organisations/{brandOrg.Id}/facilities/{facility}", Http.Json);
        Assert.Equal(1, confirmed!.Tier);
        Assert.Null(confirmed.Claim);
        Assert.True((await brand.GetFromJsonAsync<FoaProfileDto>($"/api/organisations/{brandOrg.Id}/facilities/{facility}/foa", Http.Json))!.HasUnion);
        Assert.Contains(brandOrg.Id, await PartiesOfNewCaseAtDhakaAsync());
    }

    [Fact]
    public async Task Nobody_becomes_a_party_to_existing_cases_by_having_a_link_confirmed_later()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var facility = await FacilityAsync(Dhaka);
        var link = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/links", new { facilityId = facility, tier = 1, startDate = "2026-01-01" })).ReadAsync<SupplyLinkDto>();
        var (dhaka, dhakaId) = await OwnerAsync("Dhaka Knitwear Ltd");
        var receipt = await (await dhaka.PostAsJsonAsync($"/api/organisations/{dhakaId}/grievance-intake/dhaka1",
            new { submissionId = Guid.NewGuid(), category = "Other", text = "Filed before the link was confirmed" })).ReadAsync<Receipt>();

        (await dhaka.PostAsJsonAsync($"/api/organisations/{dhakaId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).EnsureSuccessStatusCode();

        Assert.False(await app.WithDbAsync(db => (from c in db.Set<GrievanceCase>() join p in db.Set<CaseParty>() on c.Id equals p.CaseId
                                                   where c.Reference == receipt.Reference && p.OrganisationId == brandOrg.Id select p).AnyAsync()));
        var cases = await brand.GetAsync($"/api/organisations/{brandOrg.Id}/grievances");
        Assert.DoesNotContain(receipt.Reference, await cases.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_the_facilitys_operator_answers_a_buyers_claim_and_a_refusal_is_recorded()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var facility = await FacilityAsync(Dhaka);
        var link = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/links", new { facilityId = facility, tier = 1, startDate = "2026-01-01" })).ReadAsync<SupplyLinkDto>();
        var (competitor, competitorId) = await OwnerAsync("Mekong Garments Co.");
        var (northwind, northwindId) = await OwnerAsync("Northwind Apparel");

        await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).ProblemAsync(HttpStatusCode.NotFound);
        await (await competitor.PostAsJsonAsync($"/api/organisations/{competitorId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).ProblemAsync(HttpStatusCode.NotFound);
        await (await northwind.PostAsJsonAsync($"/api/organisations/{northwindId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).ProblemAsync(HttpStatusCode.NotFound);
        var viewer = await app.ClientForAsync(await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Viewer));
        var dhakaId = (await app.OrganisationAsync("Dhaka Knitwear Ltd")).Id;
        await (await viewer.PostAsJsonAsync($"/api/organisations/{dhakaId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(LinkStatus.Pending, await app.WithDbAsync(db => db.Set<SupplyLink>().Where(l => l.Id == link.Id).Select(l => l.Status).SingleAsync()));

        var dhaka = await app.OwnerClientAsync("Dhaka Knitwear Ltd");
        var refused = await (await dhaka.PostAsJsonAsync($"/api/organisations/{dhakaId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = false })).ReadAsync<List<LinkClaimDto>>();

        Assert.Equal(LinkStatus.Refused, refused.Single().Status);
        Assert.Equal((LinkStatus?)LinkStatus.Refused, (await brand.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{brandOrg.Id}/facilities", Http.Json))!.Single(f => f.Id == facility).Claim);
        Assert.True(await app.WithDbAsync(db => db.Set<CommonThread.Web.Platform.Audit.AuditEntry>().AnyAsync(a => a.OrganisationId == dhakaId && a.Action == "link.refused")));
    }

    [Fact]
    public async Task A_link_to_a_facility_no_one_runs_on_the_platform_stays_unconfirmed()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var orphan = await app.WithDbAsync(async db =>
        {
            var f = new Facility { Name = $"Unrun mill {Guid.NewGuid():N}", Address = "Somewhere", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(f);
            await db.SaveChangesAsync();
            return f.Id;
        });

        var link = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/links", new { facilityId = orphan, tier = 1, startDate = "2026-01-01" })).ReadAsync<SupplyLinkDto>();

        Assert.Equal(LinkStatus.Pending, link.Status);
        Assert.Equal((LinkStatus?)LinkStatus.Pending, (await brand.GetFromJsonAsync<FacilityDto>($"/api/organisations/{brandOrg.Id}/facilities/{orphan}", Http.Json))!.Claim);
        Assert.Empty(await ClaimsForAsync(brand, brandOrg.Id));
        var (admin, adminId) = await OwnerAsync("CommonThread Platform");
        await (await admin.PostAsJsonAsync($"/api/organisations/{adminId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_suppliers_link_naming_its_buyer_counts_once_the_buyer_confirms()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var (angkor, angkorId) = await OwnerAsync("Angkor Stitch Factory");
        var facility = await FacilityAsync("Angkor Stitch Kambol");

        var named = await (await angkor.PostAsJsonAsync($"/api/organisations/{angkorId}/buyers", new { buyerOrganisationId = brandOrg.Id, facilityId = facility, startDate = "2026-02-01" }))
            .ReadAsync<SupplyLinkDto>();
        Assert.True(named.NamedBySupplier);
        Assert.Null((await brand.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{brandOrg.Id}/facilities", Http.Json))!.Single(f => f.Id == facility).Tier);
        await (await angkor.PostAsJsonAsync($"/api/organisations/{angkorId}/link-claims/decide", new { linkIds = new[] { named.Id }, confirm = true })).ProblemAsync(HttpStatusCode.NotFound);

        var waiting = await ClaimsForAsync(brand, brandOrg.Id);
        Assert.Contains(waiting, c => c.Id == named.Id && c.NamedBySupplier);
        (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/link-claims/decide", new { linkIds = new[] { named.Id }, confirm = true })).EnsureSuccessStatusCode();

        Assert.Equal(1, (await brand.GetFromJsonAsync<FacilityDto>($"/api/organisations/{brandOrg.Id}/facilities/{facility}", Http.Json))!.Tier);
    }

    [Fact]
    public async Task A_supplier_names_a_buyer_only_for_a_facility_it_runs()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var (angkor, angkorId) = await OwnerAsync("Angkor Stitch Factory");
        var notTheirs = await FacilityAsync(Dhaka);

        var problem = await (await angkor.PostAsJsonAsync($"/api/organisations/{angkorId}/buyers", new { buyerOrganisationId = brandOrg.Id, facilityId = notTheirs, startDate = "2026-02-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("facilityId"));
        Assert.False(await app.WithDbAsync(db => db.Set<SupplyLink>().AnyAsync(l => l.BuyerOrganisationId == brandOrg.Id)));
    }

    [Fact]
    public async Task A_unions_own_claim_gives_it_nothing_until_an_initiative_tied_to_the_facility_verifies_it()
    {
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var facility = await FacilityAsync(Dhaka);
        // The old way in: a fact naming itself as present.
        await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/facilities/{facility}/foa",
            new { kind = "Union", source = "Union", observedOn = "2026-01-01", present = true, name = "Our local", unionOrganisationId = unionOrg.Id })).ProblemAsync(HttpStatusCode.NotFound);

        var claim = await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/union-presence", new { facilityId = facility, claim = "Registration no. 42" })).ReadAsync<PresenceDto>();

        Assert.Equal(PresenceStatus.Pending, claim.Status);
        var beforeVerification = await union.GetFromJsonAsync<FoaProfileDto>($"/api/organisations/{unionOrg.Id}/facilities/{facility}/foa", Http.Json);
        Assert.Empty(beforeVerification!.History);
        Assert.DoesNotContain(unionOrg.Id, await PartiesOfNewCaseAtDhakaAsync());

        var decision = new { verify = true, evidenceSeen = "RegistrationNumber", note = "Certificate seen" };
        foreach (var notAVerifier in new[] { "Dhaka Knitwear Ltd", "Northwind Apparel", "Meridian Outfitters" })
        {
            var (client, id) = await OwnerAsync(notAVerifier);
            await (await client.PostAsJsonAsync($"/api/organisations/{id}/union-presence/{claim.Id}/decide", decision)).ProblemAsync(HttpStatusCode.NotFound);
        }

        await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/union-presence/{claim.Id}/decide", decision)).ProblemAsync(HttpStatusCode.NotFound);
        var (fairThreads, fairThreadsId) = await OwnerAsync("Fair Threads Initiative");
        Assert.Contains((await fairThreads.GetFromJsonAsync<List<PresenceDto>>($"/api/organisations/{fairThreadsId}/union-presence", Http.Json))!, p => p.Id == claim.Id);
        var verified = await (await fairThreads.PostAsJsonAsync($"/api/organisations/{fairThreadsId}/union-presence/{claim.Id}/decide", decision)).ReadAsync<PresenceDto>();

        Assert.Equal(PresenceStatus.Verified, verified.Status);
        Assert.Equal(PresenceEvidence.RegistrationNumber, verified.EvidenceSeen);
        Assert.Equal("Fair Threads Initiative", verified.VerifiedBy);
        Assert.NotNull(verified.DecidedOn);
        var profile = await union.GetFromJsonAsync<FoaProfileDto>($"/api/organisations/{unionOrg.Id}/facilities/{facility}/foa", Http.Json);
        Assert.Contains(profile!.Current, f => f.Contact is not null);
        Assert.Contains(unionOrg.Id, await PartiesOfNewCaseAtDhakaAsync());
    }

    [Fact]
    public async Task An_initiative_with_no_tie_to_the_facility_cannot_verify_a_union_there()
    {
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var (initiative, initiativeOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var claim = await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/union-presence", new { facilityId = await FacilityAsync("Angkor Stitch Kambol"), claim = "Letter" }))
            .ReadAsync<PresenceDto>();

        Assert.DoesNotContain((await initiative.GetFromJsonAsync<List<PresenceDto>>($"/api/organisations/{initiativeOrg.Id}/union-presence", Http.Json))!, p => p.Id == claim.Id);
        await (await initiative.PostAsJsonAsync($"/api/organisations/{initiativeOrg.Id}/union-presence/{claim.Id}/decide",
            new { verify = true, evidenceSeen = "MembershipLetter", note = "Seen" })).ProblemAsync(HttpStatusCode.NotFound);

        var (admin, adminId) = await OwnerAsync("CommonThread Platform");
        var verified = await (await admin.PostAsJsonAsync($"/api/organisations/{adminId}/union-presence/{claim.Id}/decide",
            new { verify = true, evidenceSeen = "MembershipLetter", note = "Letter dated 2026-01-10 seen" })).ReadAsync<PresenceDto>();
        Assert.Equal(PresenceStatus.Verified, verified.Status);
    }

    [Fact]
    public async Task Facts_brands_record_about_unions_neither_add_nor_remove_a_unions_place_in_new_cases()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var (rogueUnion, rogueOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var facility = await FacilityAsync(Dhaka);
        var link = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/links", new { facilityId = facility, tier = 1, startDate = "2026-01-01" })).ReadAsync<SupplyLinkDto>();
        var (dhaka, dhakaId) = await OwnerAsync("Dhaka Knitwear Ltd");
        (await dhaka.PostAsJsonAsync($"/api/organisations/{dhakaId}/link-claims/decide", new { linkIds = new[] { link.Id }, confirm = true })).EnsureSuccessStatusCode();
        var federation = (await app.OrganisationAsync("Bangladesh Garment Workers Federation (demo)")).Id;

        (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/facilities/{facility}/foa",
            new { kind = "Union", source = "Audit", observedOn = "2026-06-01", present = false, name = "Dhaka Knitwear Workers Union", unionOrganisationId = federation })).EnsureSuccessStatusCode();
        (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/facilities/{facility}/foa",
            new { kind = "Union", source = "Audit", observedOn = "2026-06-01", present = true, name = "A friendly union", unionOrganisationId = rogueOrg.Id })).EnsureSuccessStatusCode();

        var parties = await PartiesOfNewCaseAtDhakaAsync();
        Assert.Contains(federation, parties);
        Assert.DoesNotContain(rogueOrg.Id, parties);
        await (await rogueUnion.GetAsync($"/api/organisations/{rogueOrg.Id}/facilities/{facility}")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ConfirmedRelationshipSpecsOnSqlite(SqliteApp app) : ConfirmedRelationshipSpecs(app);

public sealed class ConfirmedRelationshipSpecsOnPostgres(PostgresApp app) : ConfirmedRelationshipSpecs(app);
