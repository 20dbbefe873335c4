using CommonThread.Data;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Demo;

/// <summary>
/// Dhaka Knitwear runs a grievance mechanism with Fair Threads as mediator; its poster link for Unit 1
/// is /r/dhaka1 (Bengali). Two anonymous reports are in it, so the supplier, the union (BGWF) and both
/// brands (Northwind, Meridian) each see them: unpaid overtime, new; and a locked fire exit, walked to a remedy
/// the supplier proposed, every party the mechanism names agreed to, the supplier carried out and the reporter
/// said they were satisfied with, so the remediation pages and Northwind's statement show one followed to the end.
/// </summary>
public static class DemoGrievances
{
    public const string ChannelCode = "dhaka1";

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, AppDbContext db, IntakeService intake, CaseService cases, TimeProvider clock, CancellationToken ct)
    {
        var mechanism = new GrievanceMechanism
        {
            OrganisationId = organisations["Dhaka Knitwear Ltd"].Id, Name = "Dhaka Knitwear worker voice line",
            ClosingNeedsAgreementOf = PartyKinds.Supplier | PartyKinds.Union | PartyKinds.Brand,
            MediatorOrganisationId = organisations["Fair Threads Initiative"].Id, CreatedAt = clock.GetUtcNow(),
        };
        var unit = await db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id).SingleAsync(ct);
        db.Add(mechanism);
        db.Add(new GrievanceChannel { MechanismId = mechanism.Id, Code = ChannelCode, FacilityId = unit, Language = "bn" });
        await db.SaveChangesAsync(ct);
        await intake.SubmitAsync(ChannelCode, new IntakeInput
        {
            SubmissionId = Guid.NewGuid(), Category = GrievanceCategory.WagesAndPayment, Anonymous = true, Language = "bn", Gender = ReporterGender.Woman,
            Text = "Overtime in the finishing section last month was not paid. Line supervisors told us to sign the time sheets anyway.",
        }, ct);
        await RemedyFollowedAsync(organisations, db, intake, cases, ct);
    }

    private static async Task RemedyFollowedAsync(IReadOnlyDictionary<string, Organisation> organisations, AppDbContext db, IntakeService intake, CaseService cases, CancellationToken ct)
    {
        var receipt = await intake.SubmitAsync(ChannelCode, new IntakeInput
        {
            SubmissionId = Guid.NewGuid(), Category = GrievanceCategory.HealthAndSafety, Anonymous = true, Language = "bn", Gender = ReporterGender.Man,
            Text = "The fire exit door of the second-floor sewing hall is locked during the night shift. The key is kept in the office.",
        }, ct);
        var caseId = await db.Set<GrievanceCase>().Where(c => c.Reference == receipt.Reference).Select(c => c.Id).SingleAsync(ct);
        var supplier = new OrganisationAccess(organisations["Dhaka Knitwear Ltd"], MemberRole.Owner);
        await cases.TransitionAsync(supplier, caseId, new CaseTransitionInput { To = CaseStatus.Acknowledged }, ct);
        await cases.TransitionAsync(supplier, caseId, new CaseTransitionInput { To = CaseStatus.UnderInvestigation, Reason = "Night-shift walk-through with the union's safety representative." }, ct);
        await cases.PostAsync(supplier, caseId, new CaseMessageInput
        {
            Kind = MessageKind.RemedyProposal,
            Text = "The lock is removed from the second-floor fire exit today. A safety committee of workers and management checks every exit at the start of each shift and signs the log, which the union's safety representative may read at any time.",
            Translation = "দোতলার অগ্নি-নির্গমন দরজার তালা আজই খুলে ফেলা হবে। শ্রমিক ও ব্যবস্থাপনার নিরাপত্তা কমিটি প্রতিটি শিফটের শুরুতে সব দরজা পরীক্ষা করে খাতায় সই করবে; ইউনিয়নের নিরাপত্তা প্রতিনিধি যেকোনো সময় খাতাটি দেখতে পারবেন।",
        }, ct);
        foreach (var party in new[] { "Dhaka Knitwear Ltd", "Bangladesh Garment Workers Federation (demo)", "Northwind Apparel", "Meridian Outfitters" })
        {
            await cases.AgreeAsync(new OrganisationAccess(organisations[party], MemberRole.Owner), caseId, ct);
        }

        await cases.TransitionAsync(supplier, caseId, new CaseTransitionInput { To = CaseStatus.RemedyImplemented, Reason = "Lock removed; the committee's log is kept at the gate." }, ct);
        await intake.AnswerSatisfactionAsync(receipt.Code!, satisfied: true, ct);
    }
}
