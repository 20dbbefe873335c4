using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Audits;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Audits;

/// <summary>The audits page records an audit and draws up its plan; the plan page invites a union, which then sees its part only.</summary>
public abstract class AuditPageSpecs(TestApp app)
{
    [Fact]
    public async Task A_brand_records_an_audit_draws_up_the_plan_and_invites_a_union_that_sees_only_its_items()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var union = await app.NewOrganisationAsync(OrganisationKind.Union);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Page audit unit {Guid.NewGuid():N}", Address = "Tangerang", CountryCode = "ID", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility, new SupplyLink { BuyerOrganisationId = brand.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            await db.SaveChangesAsync();
            return facility.Id;
        });
        var brandClient = await app.SignedInAsync((await app.NewMemberAsync(brand.Name, MemberRole.Editor)).Email, TestMember.Password);
        var unionClient = await app.SignedInAsync((await app.NewMemberAsync(union.Name, MemberRole.Editor)).Email, TestMember.Password);
        var page = $"/o/{brand.Id}/corrective-plans";
        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var recorded = await (await brandClient.PostFormAsync(page, "audit", new()
        {
            ["Record.FacilityId"] = facilityId.ToString(), ["Record.Standard"] = "amfori BSCI", ["Record.Auditor"] = "Audit House", ["Record.StartedOn"] = yesterday, ["Record.EndedOn"] = yesterday,
            ["Record.Findings[0].Finding"] = "Committee members chosen by management", ["Record.Findings[0].Severity"] = "Major", ["Record.Findings[0].Category"] = "FreedomOfAssociation",
            ["Record.Findings[1].Finding"] = "No payslips", ["Record.Findings[1].Severity"] = "Minor", ["Record.Findings[1].Category"] = "Wages",
        })).Content.ReadAsStringAsync();
        var auditId = await app.WithDbAsync(db => db.Set<Audit>().Where(a => a.FacilityId == facilityId).Select(a => a.Id).SingleAsync());
        await brandClient.PostFormAsync(page, $"plan-{auditId}", new() { ["Plan.Title"] = "BSCI follow-up", ["Plan.Owner"] = "HR manager" });
        var planId = await app.WithDbAsync(db => db.Set<CorrectiveActionPlan>().Where(p => p.AuditId == auditId).Select(p => p.Id).SingleAsync());
        var planPage = $"/o/{brand.Id}/corrective-plans/{planId}";
        await brandClient.PostFormAsync(planPage, "invite", new() { ["Invite.UnionId"] = union.Id.ToString() });
        var unionSees = await unionClient.GetStringAsync($"/o/{union.Id}/corrective-plans/{planId}");

        Assert.Contains("Committee members chosen by management", recorded, StringComparison.Ordinal);
        Assert.Contains("Committee members chosen by management", unionSees, StringComparison.Ordinal);
        Assert.DoesNotContain("No payslips", unionSees, StringComparison.Ordinal);
        Assert.Contains("plan-partial", unionSees, StringComparison.Ordinal);
    }
}

public sealed class AuditPageSpecsOnSqlite(SqliteApp app) : AuditPageSpecs(app);
