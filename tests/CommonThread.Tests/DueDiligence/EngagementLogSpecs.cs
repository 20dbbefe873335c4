using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.DueDiligence.Engagement;
using CommonThread.Web.DueDiligence.Reports;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.DueDiligence;

/// <summary>The stakeholder engagement log: parties only from confirmed relationships, each record seen by its owner and its parties alone.</summary>
public abstract class EngagementLogSpecs(TestApp app)
{
    private sealed record World(HttpClient Brand, Guid BrandId, Guid SupplierId, HttpClient Union, Guid UnionId, Guid ClaimingUnionId)
    {
        public string Api => $"/api/organisations/{BrandId}";
    }

    /// <summary>A brand with a confirmed facility of a supplier; one union verified there, another only claiming presence.</summary>
    private async Task<World> NewWorldAsync()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var claiming = await app.NewOrganisationAsync(OrganisationKind.Union);
        await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Log unit {Guid.NewGuid():N}"[..20], Address = "3 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility,
                new SupplyLink { BuyerOrganisationId = brandOrg.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed },
                new UnionPresence { UnionOrganisationId = unionOrg.Id, FacilityId = facility.Id, Claim = "Registration no. E1", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Verified },
                new UnionPresence { UnionOrganisationId = claiming.Id, FacilityId = facility.Id, Claim = "Says so", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Pending });
            return await db.SaveChangesAsync();
        });
        return new(brand, brandOrg.Id, supplier.Id, union, unionOrg.Id, claiming.Id);
    }

    private static object Meeting(params Guid[] parties) => new
    {
        heldOn = "2026-03-10", kind = "Meeting", subject = "Overtime in the peak season", raised = "Sixty-hour weeks in August", done = "Orders spread over July", partyIds = parties,
    };

    [Fact]
    public async Task A_meeting_with_the_verified_union_and_the_supplier_is_seen_by_them_and_counted_in_the_reports()
    {
        var world = await NewWorldAsync();

        var recorded = await (await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", Meeting(world.UnionId, world.SupplierId))).ReadAsync<EngagementDto>();
        var unionApi = $"/api/organisations/{world.UnionId}";
        var seen = (await world.Union.GetFromJsonAsync<List<EngagementDto>>($"{unionApi}/engagements", Http.Json))!;
        var answered = await world.Union.PostAsJsonAsync($"{unionApi}/engagements/{recorded.Id}/comments", new { text = "The union's account: overtime was not only in August." });
        var report = (await world.Brand.GetFromJsonAsync<DueDiligenceReport>($"{world.Api}/dd-reports/csddd-statement", Http.Json))!;

        Assert.Equal(2, recorded.Parties.Count);
        var row = Assert.Single(seen);
        Assert.Equal((recorded.Id, false, "Sixty-hour weeks in August"), (row.Id, row.Mine, row.Raised));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var owners = (await world.Brand.GetFromJsonAsync<EngagementDto>($"{world.Api}/engagements/{recorded.Id}", Http.Json))!;
        Assert.Equal("The union's account: overtime was not only in August.", Assert.Single(owners.Comments).Text);
        var art13 = report.Sections.Single(s => s.Id == "art13").Lines.Single(l => l.Key == "engagement.records");
        Assert.Equal(("1", $"/o/{world.BrandId}/engagements"), (art13.Value, art13.Records));
        Assert.Null(art13.Gap);
    }

    [Fact]
    public async Task Only_organisations_with_a_confirmed_relationship_can_be_named_and_nobody_else_sees_the_record()
    {
        var world = await NewWorldAsync();
        var (competitor, competitorOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);

        var claimingUnion = await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", Meeting(world.ClaimingUnionId));
        var unknown = await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", Meeting(Guid.NewGuid()));
        var competitorNamed = await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", Meeting(competitorOrg.Id));
        var recorded = await (await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", Meeting(world.UnionId))).ReadAsync<EngagementDto>();
        var competitorReads = await competitor.GetAsync($"/api/organisations/{competitorOrg.Id}/engagements/{recorded.Id}");
        var competitorComments = await competitor.PostAsJsonAsync($"/api/organisations/{competitorOrg.Id}/engagements/{recorded.Id}/comments", new { text = "Let me in" });

        var message = (await claimingUnion.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("partyIds").Single();
        Assert.Equal(message, (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("partyIds").Single());
        Assert.Equal(message, (await competitorNamed.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("partyIds").Single());
        await competitorReads.ProblemAsync(HttpStatusCode.NotFound);
        await competitorComments.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await competitor.GetFromJsonAsync<List<EngagementDto>>($"/api/organisations/{competitorOrg.Id}/engagements", Http.Json))!);
        Assert.Single((await world.Brand.GetFromJsonAsync<List<EngagementDto>>($"{world.Api}/engagements", Http.Json))!);
    }

    [Fact]
    public async Task A_record_needs_a_past_day_a_subject_what_was_raised_and_a_party()
    {
        var world = await NewWorldAsync();

        var future = await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", new { heldOn = "2999-01-01", kind = "Meeting", subject = "S", raised = "R", partyIds = new[] { world.UnionId } });
        var blank = await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", new { heldOn = "2026-01-01", kind = "Meeting", subject = " ", raised = "R", partyIds = new[] { world.UnionId } });
        var nobody = await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", new { heldOn = "2026-01-01", kind = "Meeting", subject = "S", raised = "R", partyIds = Array.Empty<Guid>() });
        var othersImpact = await world.Brand.PostAsJsonAsync($"{world.Api}/engagements", new { heldOn = "2026-01-01", kind = "Meeting", subject = "S", raised = "R", impactId = Guid.NewGuid(), partyIds = new[] { world.UnionId } });

        Assert.NotEmpty((await future.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("heldOn"));
        Assert.NotEmpty((await blank.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("subject"));
        Assert.NotEmpty((await nobody.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("partyIds"));
        Assert.NotEmpty((await othersImpact.ProblemAsync(HttpStatusCode.NotFound)).FieldErrors("impactId"));
        Assert.Empty((await world.Brand.GetFromJsonAsync<List<EngagementDto>>($"{world.Api}/engagements", Http.Json))!);
    }
}

public sealed class EngagementLogSpecsOnSqlite(SqliteApp app) : EngagementLogSpecs(app);

public sealed class EngagementLogSpecsOnPostgres(PostgresApp app) : EngagementLogSpecs(app);
