using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Assessments;
using CommonThread.Web.Audits;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.DueDiligence.Plans;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.DueDiligence;

/// <summary>
/// A plan counts the work its owner follows elsewhere on the platform — corrective action plans, questionnaires,
/// homework action plans, agreement commitments — and shows how far each has come. A link grants nothing: each
/// reader of the plan reads a linked record only as far as the record's own feature lets it.
/// </summary>
public abstract class LinkedWorkSpecs(TestApp app)
{
    private sealed record World(HttpClient Brand, Guid BrandId, HttpClient Union, Guid UnionId, Organisation Supplier, PlanDto Plan,
        Guid Corrective, Guid Questionnaire, Guid Homework, Guid Commitment, Guid RivalCorrective, Guid ElsewhereCorrective)
    {
        public string Api => $"/api/organisations/{BrandId}/risk-plans/{Plan.Id}";
    }

    /// <summary>
    /// A brand's plan for an impact at a Bangladeshi facility, and around it: the brand's corrective plan there (one
    /// item done, one overdue), a questionnaire it sent there, the supplier's homework plan, a commitment of the brand's
    /// agreement with the union verified there; a rival brand's corrective plan at the same facility, and the brand's
    /// own corrective plan at a facility in Viet Nam.
    /// </summary>
    private async Task<World> NewWorldAsync()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var rival = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var ids = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Linked unit {Guid.NewGuid():N}"[..22], Address = "4 Test Road, Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            var elsewhere = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Linked VN {Guid.NewGuid():N}"[..20], Address = "1 Test Street, Long An", CountryCode = "VN", CreatedAt = DateTimeOffset.UnixEpoch };
            SupplyLink Link(Guid buyer, Facility f) => new() { BuyerOrganisationId = buyer, FacilityId = f.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed };
            CorrectiveActionPlan Corrective(Guid follower, Facility f, string title) => new()
            {
                FacilityId = f.Id, SupplierOrganisationId = supplier.Id, FollowedByOrganisationId = follower, Title = title, CreatedAt = TimeProvider.System.GetUtcNow(),
            };
            var corrective = Corrective(brandOrg.Id, facility, "Reinstate the committee members");
            var rivalCorrective = Corrective(rival.Id, facility, "Rival's confidential plan");
            var elsewhereCorrective = Corrective(brandOrg.Id, elsewhere, "Long An overtime plan");
            var assignment = new Assignment
            {
                QuestionnaireId = QuestionnaireLibrary.Starters[0].Id, AssignedByOrganisationId = brandOrg.Id, FacilityId = facility.Id, RespondentOrganisationId = supplier.Id,
                DueOn = today.AddDays(-3), AssignedAt = TimeProvider.System.GetUtcNow(),
            };
            var homework = new ActionPlan { OrganisationId = supplier.Id, Title = "Homework rates", Findings = "Rates below the minimum wage", HomeworkerInvolvement = "Meetings", CreatedOn = today };
            var agreement = new Agreement { Kind = AgreementKind.JointStatement, Title = "Joint statement", StartsOn = today.AddMonths(-1), CreatedByOrganisationId = brandOrg.Id, CreatedAt = TimeProvider.System.GetUtcNow() };
            var commitment = new Commitment { AgreementId = agreement.Id, Number = 1, Text = "Respect freedom of association", Status = CommitmentStatus.InProgress };
            db.AddRange(facility, elsewhere, Link(brandOrg.Id, facility), Link(rival.Id, facility), Link(brandOrg.Id, elsewhere),
                new UnionPresence { UnionOrganisationId = unionOrg.Id, FacilityId = facility.Id, Claim = "Registration no. L1", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Verified },
                corrective, rivalCorrective, elsewhereCorrective,
                new CorrectiveAction { PlanId = corrective.Id, Category = FindingCategory.FreedomOfAssociation, Description = "Reinstate", Owner = "HR", DueOn = today.AddDays(-1), Status = ActionStatus.Open },
                new CorrectiveAction { PlanId = corrective.Id, Category = FindingCategory.FreedomOfAssociation, Description = "Notice board", Owner = "HR", DueOn = today.AddDays(30), Status = ActionStatus.Done },
                assignment, homework, new ActionMeasure { PlanId = homework.Id, Description = "Pay the rate", Owner = "Owner", DueOn = today.AddDays(10) },
                agreement, commitment,
                new AgreementParty { AgreementId = agreement.Id, OrganisationId = brandOrg.Id, Accountable = true },
                new AgreementParty { AgreementId = agreement.Id, OrganisationId = unionOrg.Id, Accountable = false });
            await db.SaveChangesAsync();
            return (facility.Id, corrective.Id, assignment.Id, homework.Id, commitment.Id, rivalCorrective.Id, elsewhereCorrective.Id);
        });
        var impact = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/risks",
            new { facilityId = ids.Item1, issue = "FreedomOfAssociation", nature = "Actual", title = "Organisers dismissed", scale = 4, scope = 3, irremediability = 3, likelihood = 5 })).ReadAsync<ImpactDto>();
        var plan = await (await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/risk-plans", new { impactId = impact.Id, title = "FoA route", template = "foa-action-route" })).ReadAsync<PlanDto>();
        return new(brand, brandOrg.Id, union, unionOrg.Id, supplier, plan, ids.Item2, ids.Item3, ids.Item4, ids.Item5, ids.Item6, ids.Item7);
    }

    private static Task<HttpResponseMessage> LinkAsync(World world, LinkedWorkKind kind, Guid record) =>
        world.Brand.PostAsJsonAsync($"{world.Api}/linked-work", new { kind = kind.ToString(), recordId = record });

    private static async Task<List<LinkedWorkDto>> LinkedAsync(HttpClient client, Guid orgId, Guid planId) =>
        (await client.GetFromJsonAsync<List<LinkedWorkDto>>($"/api/organisations/{orgId}/risk-plans/{planId}/linked-work", Http.Json))!;

    [Fact]
    public async Task The_owner_is_offered_its_own_work_where_the_impact_is_and_the_plan_shows_how_far_each_has_come()
    {
        var world = await NewWorldAsync();

        var offered = (await world.Brand.GetFromJsonAsync<List<LinkableWorkDto>>($"{world.Api}/linkable-work", Http.Json))!;
        foreach (var (kind, record) in new[] { (LinkedWorkKind.CorrectiveActionPlan, world.Corrective), (LinkedWorkKind.Questionnaire, world.Questionnaire),
                     (LinkedWorkKind.HomeworkActionPlan, world.Homework), (LinkedWorkKind.AgreementCommitment, world.Commitment) })
        {
            Assert.Equal(HttpStatusCode.Created, (await LinkAsync(world, kind, record)).StatusCode);
        }

        var linked = await LinkedAsync(world.Brand, world.BrandId, world.Plan.Id);
        var offeredAfter = (await world.Brand.GetFromJsonAsync<List<LinkableWorkDto>>($"{world.Api}/linkable-work", Http.Json))!;

        Assert.Equal(new[] { world.Corrective, world.Questionnaire, world.Homework, world.Commitment }.Order(), offered.Select(w => w.RecordId).Order());
        Assert.DoesNotContain(offered, w => w.RecordId == world.RivalCorrective || w.RecordId == world.ElsewhereCorrective);
        Assert.Empty(offeredAfter);
        Assert.All(linked, w => Assert.True(w.Readable));
        var corrective = linked.Single(w => w.Kind == LinkedWorkKind.CorrectiveActionPlan);
        Assert.Equal(("Reinstate the committee members", 1, 2, 1), (corrective.Title, corrective.Done, corrective.Total, corrective.Overdue));
        Assert.Equal($"/o/{world.BrandId}/corrective-plans/{world.Corrective}", corrective.Href);
        var questionnaire = linked.Single(w => w.Kind == LinkedWorkKind.Questionnaire);
        Assert.Equal(("Overdue", 0, 1, 1), (questionnaire.State, questionnaire.Done, questionnaire.Total, questionnaire.Overdue));
        Assert.Equal((world.Supplier.Name, 0, 1), linked.Single(w => w.Kind == LinkedWorkKind.HomeworkActionPlan) is var h ? (h.Where, h.Done, h.Total) : default);
        Assert.Equal(("1. Respect freedom of association", "Joint statement", "In progress"),
            linked.Single(w => w.Kind == LinkedWorkKind.AgreementCommitment) is var c ? (c.Title, c.Where, c.State) : default);
    }

    [Fact]
    public async Task Work_the_owner_may_not_read_is_refused_as_if_it_did_not_exist_and_work_is_linked_once()
    {
        var world = await NewWorldAsync();

        var rivals = await LinkAsync(world, LinkedWorkKind.CorrectiveActionPlan, world.RivalCorrective);
        var unknown = await LinkAsync(world, LinkedWorkKind.CorrectiveActionPlan, Guid.NewGuid());
        var wrongKind = await LinkAsync(world, LinkedWorkKind.Questionnaire, world.Corrective);
        var first = await LinkAsync(world, LinkedWorkKind.CorrectiveActionPlan, world.Corrective);
        var again = await LinkAsync(world, LinkedWorkKind.CorrectiveActionPlan, world.Corrective);
        var empty = await world.Brand.PostAsJsonAsync($"{world.Api}/linked-work", new { });

        var refusal = (await rivals.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetRawText();
        Assert.Equal(refusal, (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetRawText());
        Assert.DoesNotContain("Rival", refusal, StringComparison.Ordinal);
        Assert.NotEmpty((await wrongKind.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("recordId"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Single(await LinkedAsync(world.Brand, world.BrandId, world.Plan.Id));
    }

    [Fact]
    public async Task A_reviewing_union_reads_only_the_linked_work_it_may_read_where_it_is_kept_and_changes_none()
    {
        var world = await NewWorldAsync();
        (await world.Brand.PostAsJsonAsync($"{world.Api}/reviewers", new { unionOrganisationId = world.UnionId })).EnsureSuccessStatusCode();
        await LinkAsync(world, LinkedWorkKind.CorrectiveActionPlan, world.Corrective);
        await LinkAsync(world, LinkedWorkKind.Questionnaire, world.Questionnaire);
        var commitment = await (await LinkAsync(world, LinkedWorkKind.AgreementCommitment, world.Commitment)).ReadAsync<LinkedWorkDto>();
        var unionApi = $"/api/organisations/{world.UnionId}/risk-plans/{world.Plan.Id}";

        var before = await world.Union.GetAsync($"{unionApi}/linked-work");
        await app.WithDbAsync(db =>
        {
            db.Add(new PlanInvitation { PlanId = world.Corrective, UnionOrganisationId = world.UnionId, Categories = nameof(FindingCategory.FreedomOfAssociation), InvitedAt = TimeProvider.System.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        var after = await LinkedAsync(world.Union, world.UnionId, world.Plan.Id);
        var links = await world.Union.PostAsJsonAsync($"{unionApi}/linked-work", new { kind = "CorrectiveActionPlan", recordId = world.Corrective });
        var unlinks = await world.Union.DeleteAsync($"{unionApi}/linked-work/{commitment.Id}");
        var offered = (await world.Union.GetFromJsonAsync<List<LinkableWorkDto>>($"{unionApi}/linkable-work", Http.Json))!;

        var body = await before.Content.ReadAsStringAsync();
        var seen = (await before.ReadAsync<List<LinkedWorkDto>>()).ToDictionary(w => w.Kind);
        Assert.False(seen[LinkedWorkKind.CorrectiveActionPlan].Readable);
        Assert.Null(seen[LinkedWorkKind.CorrectiveActionPlan].Title);
        Assert.False(seen[LinkedWorkKind.Questionnaire].Readable);
        Assert.DoesNotContain("Reinstate the committee members", body, StringComparison.Ordinal);
        Assert.True(seen[LinkedWorkKind.AgreementCommitment].Readable);
        Assert.Equal($"/o/{world.UnionId}/agreements/", seen[LinkedWorkKind.AgreementCommitment].Href![..^36]);
        // Invited to the corrective plan where it is kept, the union now reads it on the plan too.
        Assert.Equal("Reinstate the committee members", after.Single(w => w.Kind == LinkedWorkKind.CorrectiveActionPlan).Title);
        Assert.Equal(HttpStatusCode.Forbidden, links.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unlinks.StatusCode);
        Assert.Empty(offered);
        Assert.Equal(3, (await LinkedAsync(world.Brand, world.BrandId, world.Plan.Id)).Count);
    }

    [Fact]
    public async Task The_facilitys_operator_reads_its_own_work_on_a_shared_plan_and_not_the_agreement_it_is_no_party_to()
    {
        var world = await NewWorldAsync();
        var supplier = await app.ClientForAsync(await app.NewMemberAsync(world.Supplier.Name, MemberRole.Editor));
        foreach (var (kind, record) in new[] { (LinkedWorkKind.CorrectiveActionPlan, world.Corrective), (LinkedWorkKind.Questionnaire, world.Questionnaire),
                     (LinkedWorkKind.HomeworkActionPlan, world.Homework), (LinkedWorkKind.AgreementCommitment, world.Commitment) })
        {
            (await LinkAsync(world, kind, record)).EnsureSuccessStatusCode();
        }

        var beforeSharing = await supplier.GetAsync($"/api/organisations/{world.Supplier.Id}/risk-plans/{world.Plan.Id}/linked-work");
        (await world.Brand.PostAsJsonAsync($"{world.Api}/operator", new { })).EnsureSuccessStatusCode();
        var seen = (await LinkedAsync(supplier, world.Supplier.Id, world.Plan.Id)).ToDictionary(w => w.Kind, w => w.Readable);

        await beforeSharing.ProblemAsync(HttpStatusCode.NotFound);
        Assert.True(seen[LinkedWorkKind.CorrectiveActionPlan] && seen[LinkedWorkKind.Questionnaire] && seen[LinkedWorkKind.HomeworkActionPlan]);
        Assert.False(seen[LinkedWorkKind.AgreementCommitment]);
    }

    [Fact]
    public async Task A_competitor_learns_nothing_of_the_plans_linked_work_and_removing_a_link_leaves_the_record()
    {
        var world = await NewWorldAsync();
        var link = await (await LinkAsync(world, LinkedWorkKind.CorrectiveActionPlan, world.Corrective)).ReadAsync<LinkedWorkDto>();
        var (rival, rivalOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);

        var asItself = await rival.GetAsync($"/api/organisations/{rivalOrg.Id}/risk-plans/{world.Plan.Id}/linked-work");
        var linkedByRival = await rival.PostAsJsonAsync($"/api/organisations/{rivalOrg.Id}/risk-plans/{world.Plan.Id}/linked-work",
            new { kind = "CorrectiveActionPlan", recordId = world.Corrective });
        var removed = await world.Brand.DeleteAsync($"{world.Api}/linked-work/{link.Id}");
        var removedTwice = await world.Brand.DeleteAsync($"{world.Api}/linked-work/{link.Id}");

        await asItself.ProblemAsync(HttpStatusCode.NotFound);
        await linkedByRival.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await removedTwice.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await LinkedAsync(world.Brand, world.BrandId, world.Plan.Id));
        Assert.True(await app.WithDbAsync(db => db.Set<CorrectiveActionPlan>().AnyAsync(p => p.Id == world.Corrective)));
    }

    [Fact]
    public async Task The_plans_page_links_work_shows_it_with_labels_and_tells_a_reviewing_union_what_is_not_shared_with_it()
    {
        var world = await NewWorldAsync();
        (await world.Brand.PostAsJsonAsync($"{world.Api}/reviewers", new { unionOrganisationId = world.UnionId })).EnsureSuccessStatusCode();
        var page = $"/o/{world.BrandId}/risk-plans";
        var offered = await world.Brand.GetStringAsync(page);

        var posted = await (await world.Brand.PostFormAsync(page, $"link-{world.Plan.Id}", new() { ["Link.Work"] = $"CorrectiveActionPlan:{world.Corrective}" })).Content.ReadAsStringAsync();
        var mangled = await (await world.Brand.PostFormAsync(page, $"link-{world.Plan.Id}", new() { ["Link.Work"] = "CorrectiveActionPlan:not-a-guid" })).Content.ReadAsStringAsync();
        var brandPage = await world.Brand.GetStringAsync(page);
        var unionPage = await world.Union.GetStringAsync($"/o/{world.UnionId}/risk-plans");

        Assert.Contains($"value=\"CorrectiveActionPlan:{world.Corrective}\"", offered, StringComparison.Ordinal);
        Assert.DoesNotContain(world.RivalCorrective.ToString(), offered, StringComparison.Ordinal);
        Assert.Contains("Saved.", posted, StringComparison.Ordinal);
        Assert.Contains("Choose the work to link.", mangled, StringComparison.Ordinal);
        Assert.Contains($"href=\"/o/{world.BrandId}/corrective-plans/{world.Corrective}\"", brandPage, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Progress\"", brandPage, StringComparison.Ordinal);
        Assert.Contains("Remove from the plan", brandPage, StringComparison.Ordinal);
        Assert.Contains("Not shared with you where it is kept.", unionPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Reinstate the committee members", unionPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Remove from the plan", unionPage, StringComparison.Ordinal);
    }
}

public sealed class LinkedWorkSpecsOnSqlite(SqliteApp app) : LinkedWorkSpecs(app);

public sealed class LinkedWorkSpecsOnPostgres(PostgresApp app) : LinkedWorkSpecs(app);
