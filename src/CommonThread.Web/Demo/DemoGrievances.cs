using CommonThread.Data;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Demo;

/// <summary>
/// Dhaka Knitwear runs a grievance mechanism with Fair Threads as mediator; its poster link for Unit 1
/// is /r/dhaka1 (Bengali), and one anonymous report about unpaid overtime is already in it, so the
/// supplier, the union (BGWF) and both brands (Northwind, Meridian) each see a case.
/// </summary>
public static class DemoGrievances
{
    public const string ChannelCode = "dhaka1";

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, AppDbContext db, IntakeService intake, TimeProvider clock, CancellationToken ct)
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
    }
}
