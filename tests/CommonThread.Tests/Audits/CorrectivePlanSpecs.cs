using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Audits;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Audits;

/// <summary>An audit's findings become a plan the supplier works through, the brand verifies, and a union reviews within what it was invited to.</summary>
public abstract class CorrectivePlanSpecs(TestApp app)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private sealed record World(HttpClient Brand, Organisation BrandOrganisation, HttpClient Supplier, Organisation SupplierOrganisation, HttpClient Union, Organisation UnionOrganisation, Guid FacilityId)
    {
        public string BrandApi => $"/api/organisations/{BrandOrganisation.Id}";

        public string SupplierApi => $"/api/organisations/{SupplierOrganisation.Id}";

        public string UnionApi => $"/api/organisations/{UnionOrganisation.Id}";
    }

    private async Task<World> WorldAsync()
    {
        var (brand, brandOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var (supplier, supplierOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier);
        var (union, unionOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplierOrganisation.Id, Name = $"Audited unit {Guid.NewGuid():N}", Address = "Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility, new SupplyLink { BuyerOrganisationId = brandOrganisation.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            await db.SaveChangesAsync();
            return facility.Id;
        });
        return new(brand, brandOrganisation, supplier, supplierOrganisation, union, unionOrganisation, facilityId);
    }

    private static object Audit(Guid facilityId, params (string Finding, string Severity, string Category)[] findings) => new
    {
        facilityId, standard = "SA8000", auditor = "Independent Audits Ltd", startedOn = Day(Today.AddDays(-10)), endedOn = Day(Today.AddDays(-8)),
        nonConformities = findings.Select(f => new { finding = f.Finding, severity = f.Severity, category = f.Category }),
    };

    [Fact]
    public async Task An_audits_findings_become_a_plan_the_supplier_updates_the_brand_verifies_and_an_invited_union_reviews_only_its_part()
    {
        var world = await WorldAsync();
        var audit = await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits", Audit(world.FacilityId,
            ("Union notice board removed after the strike", "Critical", "FreedomOfAssociation"), ("Overtime above 60 hours a week", "Major", "WorkingHours"))))
            .ReadAsync<AuditDto>();
        var import = await world.Brand.PostAsync($"{world.BrandApi}/audits/{audit.Id}/non-conformities/import", new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("finding,severity,category,clause\nNo worker on the grievance committee,minor,grievance mechanism,9.2\n")), "file", "findings.csv" },
        });
        var plan = await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits/{audit.Id}/corrective-plan", new { title = "SA8000 follow-up", owner = "HR manager" }))
            .ReadAsync<CorrectivePlanDto>();
        var foa = plan.Actions.Single(a => a.Category == FindingCategory.FreedomOfAssociation);
        var hours = plan.Actions.Single(a => a.Category == FindingCategory.WorkingHours);

        var notYetInvited = await world.Union.GetAsync($"{world.UnionApi}/corrective-plans/{plan.Id}");
        await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/corrective-plans/{plan.Id}/invitations", new { unionOrganisationId = world.UnionOrganisation.Id })).ReadAsync<CorrectivePlanDto>();
        await (await world.Supplier.PutAsJsonAsync($"{world.SupplierApi}/corrective-plans/{plan.Id}/actions/{foa.Id}", new { status = "Done", progress = "Board back; union met management" }))
            .ReadAsync<CorrectivePlanDto>();
        await (await world.Supplier.PostAsync($"{world.SupplierApi}/corrective-plans/{plan.Id}/actions/{foa.Id}/evidence",
            new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 minutes"u8.ToArray()), "file", "meeting-minutes.pdf" } })).ReadAsync<CorrectivePlanDto>();
        var unionView = await world.Union.GetFromJsonAsync<CorrectivePlanDto>($"{world.UnionApi}/corrective-plans/{plan.Id}", Http.Json);
        var unionComment = await world.Union.PostAsJsonAsync($"{world.UnionApi}/corrective-plans/{plan.Id}/actions/{foa.Id}/comments", new { text = "The board is back but members were warned off it." });
        var outsideInvitation = await world.Union.PostAsJsonAsync($"{world.UnionApi}/corrective-plans/{plan.Id}/actions/{hours.Id}/comments", new { text = "Hours?" });
        var verified = await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/corrective-plans/{plan.Id}/actions/{foa.Id}/verification",
            new { verified = false, verifiedBy = "Follow-up visit, Independent Audits Ltd", verifiedOn = Day(Today) })).ReadAsync<CorrectivePlanDto>();
        var supplierVerifies = await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/corrective-plans/{plan.Id}/actions/{foa.Id}/verification",
            new { verified = true, verifiedBy = "Us", verifiedOn = Day(Today) });
        var brandUpdates = await world.Brand.PutAsJsonAsync($"{world.BrandApi}/corrective-plans/{plan.Id}/actions/{foa.Id}", new { status = "Done" });

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(3, plan.Actions.Count);
        Assert.Equal(Today.AddDays(30), foa.DueOn);
        Assert.Equal(HttpStatusCode.NotFound, notYetInvited.StatusCode);
        Assert.True(unionView!.Partial);
        Assert.Equal([FindingCategory.FreedomOfAssociation, FindingCategory.GrievanceMechanism], unionView.Actions.Select(a => a.Category).Order());
        Assert.DoesNotContain("Overtime", System.Text.Json.JsonSerializer.Serialize(unionView), StringComparison.Ordinal);
        Assert.Equal("meeting-minutes.pdf", Assert.Single(unionView.Actions.Single(a => a.Id == foa.Id).Evidence).FileName);
        Assert.Equal(HttpStatusCode.OK, unionComment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsideInvitation.StatusCode);
        var checkedItem = verified.Actions.Single(a => a.Id == foa.Id);
        Assert.Equal((false, ActionStatus.InProgress), (checkedItem.Verified, checkedItem.Status));
        Assert.Contains(checkedItem.Comments, c => c.Organisation == world.UnionOrganisation.Name);
        Assert.Equal([world.UnionOrganisation.Name], verified.InvitedUnions);
        await supplierVerifies.ProblemAsync(HttpStatusCode.Forbidden);
        await brandUpdates.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_item_past_its_due_day_and_not_done_is_flagged_overdue()
    {
        var world = await WorldAsync();
        var audit = await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits", Audit(world.FacilityId, ("Locked fire exit", "ZeroTolerance", "HealthAndSafety")))).ReadAsync<AuditDto>();
        var plan = await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits/{audit.Id}/corrective-plan", new { title = "Fire safety", owner = "Factory manager" })).ReadAsync<CorrectivePlanDto>();
        await app.WithDbAsync(db => db.Set<CorrectiveAction>().Where(a => a.PlanId == plan.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.DueOn, Today.AddDays(-1))));

        var list = await world.Supplier.GetFromJsonAsync<List<CorrectivePlanSummary>>($"{world.SupplierApi}/corrective-plans", Http.Json);
        var view = await world.Brand.GetFromJsonAsync<CorrectivePlanDto>($"{world.BrandApi}/corrective-plans/{plan.Id}", Http.Json);

        Assert.Equal(1, Assert.Single(list!, p => p.Id == plan.Id).Overdue);
        Assert.True(Assert.Single(view!.Actions).Overdue);
    }

    [Fact]
    public async Task Bad_audits_and_finding_files_are_refused_with_the_field_or_row_and_nothing_is_written()
    {
        var world = await WorldAsync();
        var elsewhere = await app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id).SingleAsync());
        var good = await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits", Audit(world.FacilityId))).ReadAsync<AuditDto>();

        var future = await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits", new { facilityId = world.FacilityId, standard = "WRAP", auditor = "A", startedOn = Day(Today), endedOn = Day(Today.AddDays(3)) });
        var notVisible = await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits", Audit(elsewhere));
        var badFinding = await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits", Audit(world.FacilityId, ("", "Minor", "Wages")));
        var badFile = await world.Brand.PostAsync($"{world.BrandApi}/audits/{good.Id}/non-conformities/import", new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("finding,severity,category\nFine,minor,wages\nBad,huge,wages\nAlso bad,minor,\n")), "file", "findings.csv" },
        });
        var emptyPlan = await world.Brand.PostAsJsonAsync($"{world.BrandApi}/audits/{good.Id}/corrective-plan", new { title = "T", owner = "O" });

        Assert.NotEmpty((await future.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("endedOn"));
        await notVisible.ProblemAsync(HttpStatusCode.NotFound);
        Assert.NotEmpty((await badFinding.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("nonConformities[0].finding"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badFile.StatusCode);
        var report = (await badFile.Content.ReadFromJsonAsync<NonConformityImportReport>(Http.Json))!;
        Assert.Equal([(3, "severity"), (4, "category")], report.Problems.Select(p => (p.Row, p.Column)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<NonConformity>().CountAsync(n => n.AuditId == good.Id)));
        Assert.NotEmpty((await emptyPlan.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("audit"));
    }
}

public sealed class CorrectivePlanSpecsOnSqlite(SqliteApp app) : CorrectivePlanSpecs(app);

public sealed class CorrectivePlanSpecsOnPostgres(PostgresApp app) : CorrectivePlanSpecs(app);
