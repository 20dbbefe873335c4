using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Assessments;
using CommonThread.Web.Audits;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform.PageForms;

/// <summary>
/// Records the demo data lacks but some forms need to be shown at all: an open invitation, a checked
/// import, an open homework action plan, an audit with a finding, a corrective plan with an action,
/// and an unanswered questionnaire. Added once per app; only attackers post to them, so they stay as made.
/// </summary>
public static class FormMatrixData
{
    public static Task SeedAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var organisations = await db.Set<Organisation>().ToDictionaryAsync(o => o.Name);
        var (northwind, dhaka, angkor) = (organisations["Northwind Apparel"].Id, organisations["Dhaka Knitwear Ltd"].Id, organisations["Angkor Stitch Factory"].Id);
        if (await db.Set<FacilityImport>().AnyAsync(i => i.OrganisationId == angkor && i.FileName == "form-matrix.csv"))
        {
            return 0;
        }

        var unit = await db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id).SingleAsync();
        var angkorOwner = await db.Set<Membership>().Where(m => m.OrganisationId == angkor).Select(m => m.UserId).FirstAsync();
        var audit = new Audit { FacilityId = unit, RecordedByOrganisationId = northwind, Standard = "Matrix", Auditor = "Matrix auditor", StartedOn = new DateOnly(2026, 1, 5), EndedOn = new DateOnly(2026, 1, 6), RecordedAt = DateTimeOffset.UnixEpoch };
        var plan = new CorrectiveActionPlan { FacilityId = unit, SupplierOrganisationId = dhaka, FollowedByOrganisationId = northwind, Title = "Form matrix plan", CreatedAt = DateTimeOffset.UnixEpoch };
        var homeworkPlan = new ActionPlan { OrganisationId = dhaka, Title = "Form matrix plan", Findings = "Matrix", HomeworkerInvolvement = "Matrix", CreatedOn = new DateOnly(2026, 1, 1) };
        db.AddRange(
            new Invitation { OrganisationId = angkor, Email = $"matrix-{Guid.NewGuid():N}@example.org", Role = MemberRole.Viewer, SecretHash = "not-a-secret", InvitedByUserId = angkorOwner, CreatedAt = DateTimeOffset.UnixEpoch, ExpiresAt = DateTimeOffset.MaxValue.AddDays(-1) },
            new FacilityImport { OrganisationId = angkor, FileName = "form-matrix.csv", FileSha256 = new string('1', 64), Status = ImportStatus.Previewed, TotalRows = 1, ValidRows = 1, UploadedAt = DateTimeOffset.UnixEpoch },
            homeworkPlan,
            new ActionMeasure { PlanId = homeworkPlan.Id, Description = "Matrix measure", Owner = "HR", DueOn = new DateOnly(2099, 1, 1) },
            audit,
            new NonConformity { AuditId = audit.Id, Finding = "Matrix finding", Severity = Severity.Major, Category = FindingCategory.GrievanceMechanism },
            plan,
            new CorrectiveAction { PlanId = plan.Id, Category = FindingCategory.GrievanceMechanism, Description = "Matrix item", Owner = "HR", DueOn = new DateOnly(2099, 1, 1) },
            new Assignment { QuestionnaireId = QuestionnaireLibrary.Starters[0].Id, AssignedByOrganisationId = northwind, FacilityId = unit, RespondentOrganisationId = dhaka, DueOn = new DateOnly(2099, 1, 1), AssignedAt = DateTimeOffset.UnixEpoch });
        return await db.SaveChangesAsync();
    });
}
