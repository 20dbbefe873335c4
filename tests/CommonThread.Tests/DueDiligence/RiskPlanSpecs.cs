using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.DueDiligence.Plans;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.DueDiligence;

/// <summary>
/// Action plans for the impacts of a register: the freedom-of-association route as a template, goals followed
/// and measured over time by the owner alone, reviewed by the unions the owner invites where the impact is.
/// </summary>
public abstract class RiskPlanSpecs(TestApp app)
{
    private sealed record World(HttpClient Brand, Guid BrandId, Guid FacilityId, Guid ImpactId, HttpClient Union, Guid UnionId, Guid OtherUnionId, Organisation Supplier)
    {
        public string Api => $"/api/organisations/{BrandId}";
    }

    /// <summary>A brand with a confirmed facility in Bangladesh and an impact there; one union verified at the facility, another only claiming presence.</summary>
    private async Task<World> NewWorldAsync()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var claiming = await app.NewOrganisationAsync(OrganisationKind.Union);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Plan unit {Guid.NewGuid():N}"[..20], Address = "9 Test Road, Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility,
                new SupplyLink { BuyerOrganisationId = brandOrg.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed },
                new UnionPresence { UnionOrganisationId = unionOrg.Id, FacilityId = facility.Id, Claim = "Registration no. P1", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Verified },
                new UnionPresence { UnionOrganisationId = claiming.Id, FacilityId = facility.Id, Claim = "Says it organises here", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Pending });
            await db.SaveChangesAsync();
            return facility.Id;
        });
        var impact = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/risks",
            new { facilityId, issue = "FreedomOfAssociation", nature = "Actual", title = "Organisers dismissed", scale = 4, scope = 3, irremediability = 3, likelihood = 5 })).ReadAsync<ImpactDto>();
        return new(brand, brandOrg.Id, facilityId, impact.Id, union, unionOrg.Id, claiming.Id, supplier);
    }

    private static async Task<PlanDto> RouteAsync(World world) =>
        await (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans", new { impactId = world.ImpactId, title = "FoA route", template = "foa-action-route" })).ReadAsync<PlanDto>();

    [Fact]
    public async Task The_freedom_of_association_route_gives_a_plan_its_five_goals_with_owners_due_dates_and_indicators()
    {
        var world = await NewWorldAsync();

        var plan = await RouteAsync(world);
        var templates = await world.Brand.GetStringAsync($"{world.Api}/plan-templates");

        Assert.Equal(("FoA route", world.ImpactId, HumanRightsIssue.FreedomOfAssociation, world.FacilityId), (plan.Title, plan.ImpactId, plan.Issue, plan.FacilityId));
        Assert.Equal($"foa-action-route@{PlanTemplates.Version}", plan.Template);
        Assert.Equal([1, 2, 3, 4, 5], plan.GoalList.Select(g => g.Number));
        Assert.StartsWith("Know:", plan.GoalList[0].Goal, StringComparison.Ordinal);
        Assert.StartsWith("Union review:", plan.GoalList[4].Goal, StringComparison.Ordinal);
        Assert.All(plan.GoalList, g => Assert.True(g.DueOn > DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime) && g.Indicator.Length > 0 && g.Owner.Length > 0 && g.Status == GoalStatus.Planned));
        Assert.Equal((0, 5), (plan.Done, plan.Goals));
        Assert.Contains("foa-action-route", templates, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goals_are_followed_and_their_indicator_measured_over_time_by_the_owner()
    {
        var world = await NewWorldAsync();
        var plan = await RouteAsync(world);
        var goal = plan.GoalList[0];
        var url = $"{world.Api}/risk-plans/{plan.Id}/goals/{goal.Id}";

        (await world.Brand.PostAsJsonAsync($"{url}/measurements", new { on = "2026-09-01", value = 80, note = "4 of 5" })).EnsureSuccessStatusCode();
        (await world.Brand.PostAsJsonAsync($"{url}/measurements", new { on = "2026-06-01", value = 40, note = "2 of 5" })).EnsureSuccessStatusCode();
        var done = await (await world.Brand.PutAsJsonAsync(url, new { status = "Done", owner = "Sourcing team", dueOn = "2026-10-01", progress = "All known" })).ReadAsync<PlanDto>();
        var late = await (await world.Brand.PutAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/goals/{plan.GoalList[1].Id}",
            new { status = "InProgress", owner = "Sourcing", dueOn = "2020-01-01" })).ReadAsync<PlanDto>();
        var future = await world.Brand.PostAsJsonAsync($"{url}/measurements", new { on = "2999-01-01", value = 1 });
        var noStatus = await world.Brand.PutAsJsonAsync(url, new { owner = "X", dueOn = "2026-10-01" });

        var measured = done.GoalList[0];
        Assert.Equal([(new DateOnly(2026, 6, 1), 40m), (new DateOnly(2026, 9, 1), 80m)], measured.Measurements.Select(m => (m.On, m.Value)));
        Assert.Equal((GoalStatus.Done, "Sourcing team", "All known", false), (measured.Status, measured.Owner, measured.Progress, measured.Overdue));
        Assert.Equal((1, 5), (done.Done, done.Goals));
        Assert.True(late.GoalList[1].Overdue);
        Assert.NotEmpty((await future.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("on"));
        Assert.NotEmpty((await noStatus.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("status"));
    }

    [Fact]
    public async Task A_plan_shared_with_the_facilitys_operator_is_read_and_commented_by_it_while_the_link_holds_and_it_never_reads_the_unions_words()
    {
        var world = await NewWorldAsync();
        var plan = await RouteAsync(world);
        var supplier = await app.ClientForAsync(await app.NewMemberAsync(world.Supplier.Name, MemberRole.Editor));
        var supplierApi = $"/api/organisations/{world.Supplier.Id}";
        var (rival, rivalOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier);
        var countryImpact = await (await world.Brand.PostAsJsonAsync($"{world.Api}/risks",
            new { country = "BD", issue = "Wages", nature = "Potential", title = "Wages below living wage", scale = 3, scope = 4, irremediability = 2, likelihood = 4 })).ReadAsync<ImpactDto>();
        var countryPlan = await (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans", new { impactId = countryImpact.Id, title = "Living wage", template = "foa-action-route" })).ReadAsync<PlanDto>();
        (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/reviewers", new { unionOrganisationId = world.UnionId })).EnsureSuccessStatusCode();
        (await world.Union.PostAsJsonAsync($"/api/organisations/{world.UnionId}/risk-plans/{plan.Id}/comments", new { text = "Reinstate the organisers first." })).EnsureSuccessStatusCode();
        var beforeSharing = await supplier.GetAsync($"{supplierApi}/risk-plans/{plan.Id}");

        var shared = await (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/operator", new { })).ReadAsync<PlanDto>();
        var twice = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/operator", new { });
        var countryWide = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{countryPlan.Id}/operator", new { });
        var seen = (await supplier.GetFromJsonAsync<List<PlanDto>>($"{supplierApi}/risk-plans", Http.Json))!;
        var commented = await supplier.PostAsJsonAsync($"{supplierApi}/risk-plans/{plan.Id}/comments", new { text = "We can hold the meeting in May." });
        var changed = await supplier.PutAsJsonAsync($"{supplierApi}/risk-plans/{plan.Id}/goals/{plan.GoalList[0].Id}", new { status = "Done", owner = "Us", dueOn = "2026-10-01" });
        var rivalSees = (await rival.GetFromJsonAsync<List<PlanDto>>($"/api/organisations/{rivalOrg.Id}/risk-plans", Http.Json))!;
        var unionSees = (await world.Union.GetFromJsonAsync<PlanDto>($"/api/organisations/{world.UnionId}/risk-plans/{plan.Id}", Http.Json))!;

        await beforeSharing.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(world.Supplier.Name, shared.Operator);
        await twice.ProblemAsync(HttpStatusCode.Conflict);
        Assert.NotEmpty((await countryWide.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("plan"));
        var read = Assert.Single(seen);
        Assert.Equal((plan.Id, false, 5), (read.Id, read.Mine, read.GoalList.Count));
        Assert.Empty(read.Reviewers);
        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, changed.StatusCode);
        Assert.Empty(rivalSees);
        var supplierReads = (await supplier.GetFromJsonAsync<PlanDto>($"{supplierApi}/risk-plans/{plan.Id}", Http.Json))!;
        Assert.Equal(["We can hold the meeting in May."], supplierReads.Comments.Select(c => c.Text));
        Assert.Equal(["Reinstate the organisers first."], unionSees.Comments.Select(c => c.Text));
        var owners = (await world.Brand.GetFromJsonAsync<PlanDto>($"{world.Api}/risk-plans/{plan.Id}", Http.Json))!;
        Assert.Equal(2, owners.Comments.Count);

        // The link ends: the share ends with it.
        await app.WithDbAsync(async db =>
        {
            var link = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<SupplyLink>(), l => l.BuyerOrganisationId == world.BrandId && l.FacilityId == world.FacilityId);
            link.Status = LinkStatus.Refused;
            return await db.SaveChangesAsync();
        });
        Assert.Empty((await supplier.GetFromJsonAsync<List<PlanDto>>($"{supplierApi}/risk-plans", Http.Json))!);
    }

    [Fact]
    public async Task Only_a_union_verified_where_the_impact_is_can_be_invited_and_it_reads_and_comments_but_does_not_change_the_plan()
    {
        var world = await NewWorldAsync();
        var plan = await RouteAsync(world);
        var unionApi = $"/api/organisations/{world.UnionId}";
        var beforeInvitation = await world.Union.GetAsync($"{unionApi}/risk-plans/{plan.Id}");

        var claimingUnion = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/reviewers", new { unionOrganisationId = world.OtherUnionId });
        var unknown = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/reviewers", new { unionOrganisationId = Guid.NewGuid() });
        var invited = await (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/reviewers", new { unionOrganisationId = world.UnionId })).ReadAsync<PlanDto>();
        var twice = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/reviewers", new { unionOrganisationId = world.UnionId });
        var seen = (await world.Union.GetFromJsonAsync<List<PlanDto>>($"{unionApi}/risk-plans", Http.Json))!;
        var commented = await world.Union.PostAsJsonAsync($"{unionApi}/risk-plans/{plan.Id}/comments", new { text = "Goal 3 must include reinstatement." });
        var changed = await world.Union.PutAsJsonAsync($"{unionApi}/risk-plans/{plan.Id}/goals/{plan.GoalList[0].Id}", new { status = "Done", owner = "Union", dueOn = "2026-10-01" });
        var measured = await world.Union.PostAsJsonAsync($"{unionApi}/risk-plans/{plan.Id}/goals/{plan.GoalList[0].Id}/measurements", new { on = "2026-01-01", value = 100 });
        var invitedOthers = await world.Union.PostAsJsonAsync($"{unionApi}/risk-plans/{plan.Id}/reviewers", new { unionOrganisationId = world.UnionId });

        await beforeInvitation.ProblemAsync(HttpStatusCode.NotFound);
        var message = (await claimingUnion.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("unionOrganisationId").Single();
        Assert.Equal(message, (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("unionOrganisationId").Single());
        Assert.Single(invited.Reviewers);
        await twice.ProblemAsync(HttpStatusCode.Conflict);
        var reviewed = Assert.Single(seen);
        Assert.Equal((plan.Id, false), (reviewed.Id, reviewed.Mine));
        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, measured.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invitedOthers.StatusCode);
        var owners = (await world.Brand.GetFromJsonAsync<PlanDto>($"{world.Api}/risk-plans/{plan.Id}", Http.Json))!;
        Assert.Equal("Goal 3 must include reinstatement.", Assert.Single(owners.Comments).Text);
        Assert.Equal(GoalStatus.Planned, owners.GoalList[0].Status);
        Assert.Empty(owners.GoalList[0].Measurements);
    }

    [Fact]
    public async Task A_union_whose_presence_is_no_longer_verified_no_longer_sees_the_plan_and_a_competitor_never_does()
    {
        var world = await NewWorldAsync();
        var plan = await RouteAsync(world);
        (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans/{plan.Id}/reviewers", new { unionOrganisationId = world.UnionId })).EnsureSuccessStatusCode();
        var (competitor, competitorOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);

        await app.WithDbAsync(async db =>
        {
            var presence = db.Set<UnionPresence>().Single(p => p.UnionOrganisationId == world.UnionId && p.FacilityId == world.FacilityId);
            presence.Status = PresenceStatus.Ended;
            return await db.SaveChangesAsync();
        });
        var unionApi = $"/api/organisations/{world.UnionId}";

        Assert.Empty((await world.Union.GetFromJsonAsync<List<PlanDto>>($"{unionApi}/risk-plans", Http.Json))!);
        await (await world.Union.PostAsJsonAsync($"{unionApi}/risk-plans/{plan.Id}/comments", new { text = "Still here?" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await competitor.GetAsync($"/api/organisations/{competitorOrg.Id}/risk-plans/{plan.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await competitor.GetAsync($"{world.Api}/risk-plans")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await competitor.GetFromJsonAsync<List<PlanDto>>($"/api/organisations/{competitorOrg.Id}/risk-plans", Http.Json))!);
    }

    [Fact]
    public async Task A_plan_needs_an_impact_of_the_owners_own_register_a_title_and_at_least_one_goal()
    {
        var world = await NewWorldAsync();
        var (other, otherOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var otherApi = $"/api/organisations/{otherOrg.Id}";

        var othersImpact = await other.PostAsJsonAsync($"{otherApi}/risk-plans", new { impactId = world.ImpactId, title = "Not mine", template = "foa-action-route" });
        var noGoals = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans", new { impactId = world.ImpactId, title = "Empty" });
        var noTitle = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans", new { impactId = world.ImpactId, title = " ", template = "foa-action-route" });
        var badTemplate = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans", new { impactId = world.ImpactId, title = "T", template = "made-up" });
        var halfGoal = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans", new { impactId = world.ImpactId, title = "T", goals = new[] { new { goal = "Pay on time", indicator = "", target = "100%", owner = "Finance", dueOn = "2027-01-01" } } });
        var own = await (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-plans",
            new { impactId = world.ImpactId, title = "Own goals", goals = new[] { new { goal = "Pay on time", indicator = "Invoices paid within 30 days (%)", target = "95%", owner = "Finance", dueOn = "2027-01-01" } } })).ReadAsync<PlanDto>();

        Assert.NotEmpty((await othersImpact.ProblemAsync(HttpStatusCode.NotFound)).FieldErrors("impactId"));
        Assert.NotEmpty((await noGoals.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("goals"));
        Assert.NotEmpty((await noTitle.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("title"));
        Assert.NotEmpty((await badTemplate.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("template"));
        Assert.Equal(HttpStatusCode.BadRequest, halfGoal.StatusCode);
        Assert.Equal((null, 1, "Pay on time"), (own.Template, own.Goals, own.GoalList[0].Goal));
        Assert.Equal(["Own goals"], (await world.Brand.GetFromJsonAsync<List<PlanDto>>($"{world.Api}/risk-plans", Http.Json))!.Select(p => p.Title));
    }

    [Fact]
    public async Task The_page_shows_each_plans_goals_and_offers_the_owner_the_verified_union_to_invite()
    {
        var world = await NewWorldAsync();
        var plan = await RouteAsync(world);
        var brandName = (await app.WithDbAsync(db => Task.FromResult(db.Set<Organisation>().Single(o => o.Id == world.BrandId).Name)));
        var editor = await app.NewMemberAsync(brandName, MemberRole.Editor);

        var html = WebUtility.HtmlDecode(await (await app.SignedInAsync(editor.Email, TestMember.Password)).GetStringAsync($"/o/{world.BrandId}/risk-plans"));
        var unionName = await app.WithDbAsync(db => Task.FromResult(db.Set<Organisation>().Single(o => o.Id == world.UnionId).Name));
        var claimingName = await app.WithDbAsync(db => Task.FromResult(db.Set<Organisation>().Single(o => o.Id == world.OtherUnionId).Name));

        Assert.Contains($"id=\"plan-{plan.Id}\"", html, StringComparison.Ordinal);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(html, "<tr class=\"[^\"]*\" data-goal=\"\\d\""));
        Assert.Contains($"<option value=\"{world.UnionId}\">{unionName}</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(claimingName, html, StringComparison.Ordinal);
        Assert.Contains("id=\"create-plan\"", html, StringComparison.Ordinal);
    }
}

public sealed class RiskPlanSpecsOnSqlite(SqliteApp app) : RiskPlanSpecs(app);

public sealed class RiskPlanSpecsOnPostgres(PostgresApp app) : RiskPlanSpecs(app);
