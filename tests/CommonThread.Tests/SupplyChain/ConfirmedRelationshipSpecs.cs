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
    /// <summary>
    /// A fresh supplier running a fresh facility, with its own grievance mechanism mediated by Fair Threads
    /// and a channel for the facility, and a union it declared itself with a representative's contact.
    /// </summary>
    private sealed record World(HttpClient Supplier, Guid SupplierId, Guid FacilityId, string Channel)
    {
        public string Api => $"/api/organisations/{SupplierId}";
    }

    private async Task<World> NewWorldAsync()
    {
        var (supplier, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier, MemberRole.Owner);
        var api = $"/api/organisations/{organisation.Id}";
        var facility = await (await supplier.PostAsJsonAsync($"{api}/facilities", new { name = "Trust unit", address = "7 Test Road, Savar", countryCode = "BD" })).ReadAsync<FacilityDto>();
        var fairThreads = (await app.OrganisationAsync("Fair Threads Initiative")).Id;
        (await supplier.PutAsJsonAsync($"{api}/grievance-mechanism", new { name = "Trust mechanism", mediatorOrganisationId = fairThreads })).EnsureSuccessStatusCode();
        var channel = await (await supplier.PostAsJsonAsync($"{api}/grievance-mechanism/channels", new { facilityId = facility.Id, language = "bn" })).ReadAsync<ChannelDto>();
        (await supplier.PostAsJsonAsync($"{api}/facilities/{facility.Id}/foa",
            new { kind = "Union", source = "SelfDeclared", observedOn = "2026-01-05", name = "Trust unit workers' union", contact = "+880 1700 111222" })).EnsureSuccessStatusCode();
        return new(supplier, organisation.Id, facility.Id, channel.Code);
    }

    /// <summary>Files a case through the supplier's own gateway and returns the organisations that became parties.</summary>
    private async Task<HashSet<Guid>> PartiesOfNewCaseAsync(World world) => await PartiesAsync(await FileAsync(world));

    private async Task<string> FileAsync(World world) =>
        (await (await world.Supplier.PostAsJsonAsync($"{world.Api}/grievance-intake/{world.Channel}",
            new { submissionId = Guid.NewGuid(), category = "Other", text = "Overtime is not paid" })).ReadAsync<Receipt>()).Reference;

    private async Task<HashSet<Guid>> PartiesAsync(string reference) =>
        (await app.WithDbAsync(db => (from c in db.Set<GrievanceCase>()
                                      join p in db.Set<CaseParty>() on c.Id equals p.CaseId
                                      where c.Reference == reference
                                      select p.OrganisationId).ToListAsync())).ToHashSet();

    private static async Task<SupplyLinkDto> ClaimAsync(HttpClient brand, Guid brandId, Guid facilityId) =>
        await (await brand.PostAsJsonAsync($"/api/organisations/{brandId}/links", new { facilityId, tier = 1, startDate = "2026-01-01" })).ReadAsync<SupplyLinkDto>();

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid organisationId, Guid linkId, bool confirm) =>
        await client.PostAsJsonAsync($"/api/organisations/{organisationId}/link-claims/decide", new { linkIds = new[] { linkId }, confirm });

    private async Task<(HttpClient Client, Guid Id)> OwnerAsync(string organisation) =>
        (await app.OwnerClientAsync(organisation), (await app.OrganisationAsync(organisation)).Id);

    [Fact]
    public async Task A_brands_link_shows_only_registry_data_and_its_own_records_until_the_facilitys_operator_confirms_it()
    {
        var world = await NewWorldAsync();
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Owner);
        var api = $"/api/organisations/{brandOrg.Id}";

        var link = await ClaimAsync(brand, brandOrg.Id, world.FacilityId);

        Assert.Equal(LinkStatus.Pending, link.Status);
        var listed = (await brand.GetFromJsonAsync<List<FacilityDto>>($"{api}/facilities", Http.Json))!.Single(f => f.Id == world.FacilityId);
        Assert.Equal((LinkStatus?)LinkStatus.Pending, listed.Claim);
        Assert.Equal(1, listed.Tier);
        var profile = await brand.GetFromJsonAsync<FoaProfileDto>($"{api}/facilities/{world.FacilityId}/foa", Http.Json);
        Assert.Empty(profile!.History);
        Assert.False(profile.HasUnion);
        var row = (await brand.GetFromJsonAsync<FoaSummaryDto>($"{api}/foa-summary", Http.Json))!.Facilities.Single(f => f.FacilityId == world.FacilityId);
        Assert.Equal((LinkStatus?)LinkStatus.Pending, row.Claim);
        Assert.False(row.HasUnion);
        await (await brand.GetAsync($"{api}/chain?facilityId={world.FacilityId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await brand.PostAsJsonAsync($"{api}/facilities/{world.FacilityId}/foa/share", new { })).ProblemAsync(HttpStatusCode.NotFound);
        (await brand.PutAsJsonAsync($"{api}/grievance-mechanism", new { name = "Brand hotline" })).EnsureSuccessStatusCode();
        await (await brand.PostAsJsonAsync($"{api}/grievance-mechanism/channels", new { facilityId = world.FacilityId })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(brandOrg.Id, await PartiesOfNewCaseAsync(world));

        var waiting = (await world.Supplier.GetFromJsonAsync<List<LinkClaimDto>>($"{world.Api}/link-claims", Http.Json))!;
        Assert.Contains(waiting, c => c.Id == link.Id && c.Status == LinkStatus.Pending && c.Buyer == brandOrg.Name);
        var decided = await (await DecideAsync(world.Supplier, world.SupplierId, link.Id, true)).ReadAsync<List<LinkClaimDto>>();

        Assert.Equal(LinkStatus.Confirmed, decided.Single().Status);
        Assert.NotNull(decided.Single().DecidedOn);
        var confirmed = await brand.GetFromJsonAsync<FacilityDto>($"{api}/facilities/{world.FacilityId}", Http.Json);
        Assert.Equal(1, confirmed!.Tier);
        Assert.Null(confirmed.Claim);
        var confirmedProfile = await brand.GetFromJsonAsync<FoaProfileDto>($"{api}/facilities/{world.FacilityId}/foa", Http.Json);
        Assert.True(confirmedProfile!.HasUnion);
        Assert.All(confirmedProfile.Current, f => Assert.Null(f.Contact));
        Assert.Contains(brandOrg.Id, await PartiesOfNewCaseAsync(world));
    }

    [Fact]
    public async Task Nobody_becomes_a_party_to_existing_cases_by_having_a_link_confirmed_later()
    {
        var world = await NewWorldAsync();
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var link = await ClaimAsync(brand, brandOrg.Id, world.FacilityId);
        var earlier = await FileAsync(world);

        (await DecideAsync(world.Supplier, world.SupplierId, link.Id, true)).EnsureSuccessStatusCode();

        Assert.DoesNotContain(brandOrg.Id, await PartiesAsync(earlier));
        Assert.DoesNotContain(earlier, await (await brand.GetAsync($"/api/organisations/{brandOrg.Id}/grievances")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_mechanisms_operator_adds_a_party_later_which_is_recorded_and_told_but_a_brand_party_cannot()
    {
        var world = await NewWorldAsync();
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        (await DecideAsync(world.Supplier, world.SupplierId, (await ClaimAsync(brand, brandOrg.Id, world.FacilityId)).Id, true)).EnsureSuccessStatusCode();
        var reference = await FileAsync(world);
        var caseId = await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var addUnion = new { organisationId = unionOrg.Id, role = "Union" };

        await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/grievances/{caseId}/parties", addUnion)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/grievances/{caseId}/parties", addUnion)).ProblemAsync(HttpStatusCode.NotFound);
        var asBrandRole = await world.Supplier.PostAsJsonAsync($"{world.Api}/grievances/{caseId}/parties", new { organisationId = unionOrg.Id, role = "Brand" });
        Assert.NotEmpty((await asBrandRole.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("organisationId"));
        (await world.Supplier.PostAsJsonAsync($"{world.Api}/grievances/{caseId}/parties", addUnion)).EnsureSuccessStatusCode();

        var added = await app.WithDbAsync(db => db.Set<CaseParty>().AsNoTracking().SingleAsync(p => p.CaseId == caseId && p.OrganisationId == unionOrg.Id));
        Assert.Equal(world.SupplierId, added.AddedByOrganisationId);
        Assert.NotNull(added.AddedOn);
        Assert.True(await app.WithDbAsync(db => db.Set<CommonThread.Web.Notifications.Notification>().AnyAsync(n => n.OrganisationId == unionOrg.Id && n.Text.Contains(reference))));
        (await union.GetAsync($"/api/organisations/{unionOrg.Id}/grievances/{caseId}")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Only_the_facilitys_operator_answers_a_buyers_claim_and_a_refusal_is_recorded()
    {
        var world = await NewWorldAsync();
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var link = await ClaimAsync(brand, brandOrg.Id, world.FacilityId);
        var (competitor, competitorId) = await OwnerAsync("Mekong Garments Co.");
        var (northwind, northwindId) = await OwnerAsync("Northwind Apparel");
        var viewer = await app.ClientForAsync(await app.NewMemberAsync((await app.WithDbAsync(db => db.Set<Organisation>().SingleAsync(o => o.Id == world.SupplierId))).Name, MemberRole.Viewer));

        await (await DecideAsync(brand, brandOrg.Id, link.Id, true)).ProblemAsync(HttpStatusCode.NotFound);
        await (await DecideAsync(competitor, competitorId, link.Id, true)).ProblemAsync(HttpStatusCode.NotFound);
        await (await DecideAsync(northwind, northwindId, link.Id, true)).ProblemAsync(HttpStatusCode.NotFound);
        await (await DecideAsync(viewer, world.SupplierId, link.Id, true)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(LinkStatus.Pending, await app.WithDbAsync(db => db.Set<SupplyLink>().Where(l => l.Id == link.Id).Select(l => l.Status).SingleAsync()));

        var refused = await (await DecideAsync(world.Supplier, world.SupplierId, link.Id, false)).ReadAsync<List<LinkClaimDto>>();

        Assert.Equal(LinkStatus.Refused, refused.Single().Status);
        Assert.Equal((LinkStatus?)LinkStatus.Refused, (await brand.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{brandOrg.Id}/facilities", Http.Json))!.Single(f => f.Id == world.FacilityId).Claim);
        Assert.True(await app.WithDbAsync(db => db.Set<CommonThread.Web.Platform.Audit.AuditEntry>().AnyAsync(a => a.OrganisationId == world.SupplierId && a.Action == "link.refused")));
        Assert.DoesNotContain(brandOrg.Id, await PartiesOfNewCaseAsync(world));
    }

    [Theory]
    [InlineData("link-claims/decide", """{"linkIds":[],"confirm":true}""", "linkIds")]
    [InlineData("link-claims/decide", """{"linkIds":["0195a000-0000-7000-8000-000000000000"]}""", "confirm")]
    [InlineData("buyers", """{"facilityId":"{facility}","startDate":"2026-01-01"}""", "buyerOrganisationId")]
    [InlineData("buyers", """{"buyerOrganisationId":"{supplier}","facilityId":"{facility}","startDate":"2026-01-01"}""", "buyerOrganisationId")]
    [InlineData("buyers", """{"buyerOrganisationId":"{brand}","facilityId":"{facility}","startDate":"2026-01-01","tier":11}""", "tier")]
    public async Task Bad_decisions_and_named_buyers_name_the_field_and_change_no_link(string route, string body, string field)
    {
        var world = await NewWorldAsync();
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var json = body.Replace("{facility}", world.FacilityId.ToString(), StringComparison.Ordinal).Replace("{supplier}", world.SupplierId.ToString(), StringComparison.Ordinal)
            .Replace("{brand}", brand.Id.ToString(), StringComparison.Ordinal);

        var response = await world.Supplier.PostAsync($"{world.Api}/{route}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field));
        Assert.False(await app.WithDbAsync(db => db.Set<SupplyLink>().AnyAsync(l => l.FacilityId == world.FacilityId)));
    }

    [Theory]
    [InlineData("""{"facilityId":"{facility}","claim":"   "}""", "claim")]
    [InlineData("""{"facilityId":"0195a000-0000-7000-8000-000000000000","claim":"Letter"}""", "facilityId")]
    [InlineData("""{"osId":"BD0000000NOSUCH","claim":"Letter"}""", "osId")]
    [InlineData("""{"claim":"Letter"}""", "osId")]
    public async Task Bad_presence_claims_name_the_field_and_store_nothing(string body, string field)
    {
        var world = await NewWorldAsync();
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);

        var response = await union.PostAsync($"/api/organisations/{unionOrg.Id}/union-presence",
            new StringContent(body.Replace("{facility}", world.FacilityId.ToString(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field));
        Assert.False(await app.WithDbAsync(db => db.Set<UnionPresence>().AnyAsync(p => p.UnionOrganisationId == unionOrg.Id)));
    }

    [Fact]
    public async Task A_decision_without_a_note_or_a_second_decision_changes_nothing()
    {
        var world = await NewWorldAsync();
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var claim = await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/union-presence", new { facilityId = world.FacilityId, claim = "Letter" })).ReadAsync<PresenceDto>();
        var (admin, adminId) = await OwnerAsync("CommonThread Platform");
        var decide = $"/api/organisations/{adminId}/union-presence/{claim.Id}/decide";

        var noNote = await admin.PostAsJsonAsync(decide, new { verify = true, evidenceSeen = "MembershipLetter", note = " " });
        Assert.NotEmpty((await noNote.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("note"));
        Assert.Equal(PresenceStatus.Pending, await app.WithDbAsync(db => db.Set<UnionPresence>().Where(p => p.Id == claim.Id).Select(p => p.Status).SingleAsync()));

        (await admin.PostAsJsonAsync(decide, new { verify = false, note = "No letter shown" })).EnsureSuccessStatusCode();
        await (await admin.PostAsJsonAsync(decide, new { verify = true, evidenceSeen = "MembershipLetter", note = "Seen" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(PresenceStatus.Refused, await app.WithDbAsync(db => db.Set<UnionPresence>().Where(p => p.Id == claim.Id).Select(p => p.Status).SingleAsync()));
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

        var link = await ClaimAsync(brand, brandOrg.Id, orphan);

        Assert.Equal(LinkStatus.Pending, link.Status);
        Assert.Equal((LinkStatus?)LinkStatus.Pending, (await brand.GetFromJsonAsync<FacilityDto>($"/api/organisations/{brandOrg.Id}/facilities/{orphan}", Http.Json))!.Claim);
        Assert.Empty((await brand.GetFromJsonAsync<List<LinkClaimDto>>($"/api/organisations/{brandOrg.Id}/link-claims", Http.Json))!);
        var (admin, adminId) = await OwnerAsync("CommonThread Platform");
        await (await DecideAsync(admin, adminId, link.Id, true)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_suppliers_link_naming_its_buyer_counts_once_the_buyer_confirms()
    {
        var world = await NewWorldAsync();
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);

        var named = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/buyers", new { buyerOrganisationId = brandOrg.Id, facilityId = world.FacilityId, startDate = "2026-02-01" }))
            .ReadAsync<SupplyLinkDto>();
        Assert.True(named.NamedBySupplier);
        Assert.Equal((LinkStatus?)LinkStatus.Pending, (await brand.GetFromJsonAsync<List<FacilityDto>>($"/api/organisations/{brandOrg.Id}/facilities", Http.Json))!.Single(f => f.Id == world.FacilityId).Claim);
        Assert.DoesNotContain(brandOrg.Id, await PartiesOfNewCaseAsync(world));
        await (await DecideAsync(world.Supplier, world.SupplierId, named.Id, true)).ProblemAsync(HttpStatusCode.NotFound);

        var waiting = (await brand.GetFromJsonAsync<List<LinkClaimDto>>($"/api/organisations/{brandOrg.Id}/link-claims", Http.Json))!;
        Assert.Contains(waiting, c => c.Id == named.Id && c.NamedBySupplier);
        (await DecideAsync(brand, brandOrg.Id, named.Id, true)).EnsureSuccessStatusCode();

        var confirmed = await brand.GetFromJsonAsync<FacilityDto>($"/api/organisations/{brandOrg.Id}/facilities/{world.FacilityId}", Http.Json);
        Assert.Equal(1, confirmed!.Tier);
        Assert.Null(confirmed.Claim);
        Assert.Contains(brandOrg.Id, await PartiesOfNewCaseAsync(world));
    }

    [Fact]
    public async Task A_supplier_names_a_buyer_only_for_a_facility_it_runs()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var world = await NewWorldAsync();
        var other = await NewWorldAsync();

        var problem = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/buyers", new { buyerOrganisationId = brandOrg.Id, facilityId = other.FacilityId, startDate = "2026-02-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("facilityId"));
        Assert.False(await app.WithDbAsync(db => db.Set<SupplyLink>().AnyAsync(l => l.BuyerOrganisationId == brandOrg.Id)));
    }

    [Fact]
    public async Task A_unions_own_claim_gives_it_nothing_until_an_initiative_tied_to_the_facility_verifies_it()
    {
        var world = await NewWorldAsync();
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        (await DecideAsync(world.Supplier, world.SupplierId, (await ClaimAsync(brand, brandOrg.Id, world.FacilityId)).Id, true)).EnsureSuccessStatusCode();
        var api = $"/api/organisations/{unionOrg.Id}";
        // The old way in: a fact naming itself as present.
        await (await union.PostAsJsonAsync($"{api}/facilities/{world.FacilityId}/foa",
            new { kind = "Union", source = "Union", observedOn = "2026-01-01", present = true, name = "Our local", unionOrganisationId = unionOrg.Id })).ProblemAsync(HttpStatusCode.NotFound);

        var claim = await (await union.PostAsJsonAsync($"{api}/union-presence", new { facilityId = world.FacilityId, claim = "Registration no. 42" })).ReadAsync<PresenceDto>();

        Assert.Equal(PresenceStatus.Pending, claim.Status);
        Assert.Empty((await union.GetFromJsonAsync<FoaProfileDto>($"{api}/facilities/{world.FacilityId}/foa", Http.Json))!.History);
        Assert.DoesNotContain(unionOrg.Id, await PartiesOfNewCaseAsync(world));

        var decision = new { verify = true, evidenceSeen = "RegistrationNumber", note = "Certificate seen" };
        await (await world.Supplier.PostAsJsonAsync($"{world.Api}/union-presence/{claim.Id}/decide", decision)).ProblemAsync(HttpStatusCode.NotFound);
        await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/union-presence/{claim.Id}/decide", decision)).ProblemAsync(HttpStatusCode.NotFound);
        await (await union.PostAsJsonAsync($"{api}/union-presence/{claim.Id}/decide", decision)).ProblemAsync(HttpStatusCode.NotFound);
        var (fairThreads, fairThreadsId) = await OwnerAsync("Fair Threads Initiative");
        Assert.Contains((await fairThreads.GetFromJsonAsync<List<PresenceDto>>($"/api/organisations/{fairThreadsId}/union-presence", Http.Json))!, p => p.Id == claim.Id);
        var noEvidence = await fairThreads.PostAsJsonAsync($"/api/organisations/{fairThreadsId}/union-presence/{claim.Id}/decide", new { verify = true, note = "Seen" });
        Assert.NotEmpty((await noEvidence.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("evidenceSeen"));
        var verified = await (await fairThreads.PostAsJsonAsync($"/api/organisations/{fairThreadsId}/union-presence/{claim.Id}/decide", decision)).ReadAsync<PresenceDto>();

        Assert.Equal(PresenceStatus.Verified, verified.Status);
        Assert.Equal(PresenceEvidence.RegistrationNumber, verified.EvidenceSeen);
        Assert.Equal("Fair Threads Initiative", verified.VerifiedBy);
        Assert.NotNull(verified.DecidedOn);
        var profile = await union.GetFromJsonAsync<FoaProfileDto>($"{api}/facilities/{world.FacilityId}/foa", Http.Json);
        Assert.Contains(profile!.Current, f => f.Contact == "+880 1700 111222");
        Assert.Contains(unionOrg.Id, await PartiesOfNewCaseAsync(world));

        (await union.PostAsync($"{api}/union-presence/{claim.Id}/end", null)).EnsureSuccessStatusCode();
        Assert.DoesNotContain(unionOrg.Id, await PartiesOfNewCaseAsync(world));
    }

    [Fact]
    public async Task An_initiative_with_no_tie_to_the_facility_cannot_verify_a_union_there_but_the_platforms_administrators_can()
    {
        var world = await NewWorldAsync();
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var (initiative, initiativeOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var claim = await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/union-presence", new { facilityId = world.FacilityId, claim = "Letter" }))
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
    public async Task An_initiative_that_buys_from_the_facility_is_no_verifier_there()
    {
        var world = await NewWorldAsync();
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var (fairThreads, fairThreadsId) = await OwnerAsync("Fair Threads Initiative");
        // Fair Threads mediates the facility's mechanism, but here it also claims to buy from it.
        await ClaimAsync(fairThreads, fairThreadsId, world.FacilityId);
        var claim = await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/union-presence", new { facilityId = world.FacilityId, claim = "Letter" }))
            .ReadAsync<PresenceDto>();

        await (await fairThreads.PostAsJsonAsync($"/api/organisations/{fairThreadsId}/union-presence/{claim.Id}/decide",
            new { verify = true, evidenceSeen = "MembershipLetter", note = "Seen" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Facts_brands_record_about_unions_neither_add_nor_remove_a_unions_place_in_new_cases()
    {
        var world = await NewWorldAsync();
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var (rogueUnion, rogueOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        (await DecideAsync(world.Supplier, world.SupplierId, (await ClaimAsync(brand, brandOrg.Id, world.FacilityId)).Id, true)).EnsureSuccessStatusCode();
        var claim = await (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/union-presence", new { facilityId = world.FacilityId, claim = "CBA of 2025" })).ReadAsync<PresenceDto>();
        var (admin, adminId) = await OwnerAsync("CommonThread Platform");
        (await admin.PostAsJsonAsync($"/api/organisations/{adminId}/union-presence/{claim.Id}/decide", new { verify = true, evidenceSeen = "CollectiveAgreement", note = "CBA seen" }))
            .EnsureSuccessStatusCode();

        (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/facilities/{world.FacilityId}/foa",
            new { kind = "Union", source = "Audit", observedOn = "2026-06-01", present = false, name = "Trust unit workers' union", unionOrganisationId = unionOrg.Id })).EnsureSuccessStatusCode();
        (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/facilities/{world.FacilityId}/foa",
            new { kind = "Union", source = "Audit", observedOn = "2026-06-01", present = true, name = "A friendly union", unionOrganisationId = rogueOrg.Id })).EnsureSuccessStatusCode();

        var parties = await PartiesOfNewCaseAsync(world);
        Assert.Contains(unionOrg.Id, parties);
        Assert.DoesNotContain(rogueOrg.Id, parties);
        await (await rogueUnion.GetAsync($"/api/organisations/{rogueOrg.Id}/facilities/{world.FacilityId}")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ConfirmedRelationshipSpecsOnSqlite(SqliteApp app) : ConfirmedRelationshipSpecs(app);

public sealed class ConfirmedRelationshipSpecsOnPostgres(PostgresApp app) : ConfirmedRelationshipSpecs(app);
