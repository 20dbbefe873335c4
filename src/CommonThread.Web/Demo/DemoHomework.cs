using CommonThread.Data;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Demo;

/// <summary>
/// Homework under Dhaka Knitwear Unit 1: Bangladesh's minimum wage in the table (Fair Threads keeps
/// it), one qualified intermediary in Savar, six homeworkers in Ashulia and Savar, and work orders of
/// the last weeks: returned and paid, one paid short, one below the minimum wage. Northwind and
/// Meridian see the aggregates; Dhaka Knitwear sees the register.
/// </summary>
public static class DemoHomework
{
    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, AppDbContext db, HomeworkRegister register,
        IntermediaryService intermediaries, WorkOrderService orders, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.Add(new MinimumWage
        {
            CountryCode = "BD", HourlyRate = 60.10m, Currency = "BDT", EffectiveFrom = new DateOnly(2023, 12, 1), RecordedByOrganisationId = organisations["Fair Threads Initiative"].Id,
            Source = "Minimum Wage Board gazette for the ready-made garment sector, December 2023: 12,500 BDT a month ÷ 208 hours (48 a week).",
        });
        await db.SaveChangesAsync(ct);

        var supplier = new OrganisationAccess(organisations["Dhaka Knitwear Ltd"], MemberRole.Owner);
        var unit = await db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id).SingleAsync(ct);
        var agency = await intermediaries.SaveAsync(supplier, null, new IntermediaryInput
        {
            Name = "Savar Homework Agency", IsOrganisation = true, FacilityId = unit, LicenceNumber = "DIFE-SAV-0417", LicenceExpires = today.AddYears(1),
            PreQualification = PreQualification.Passed, PreQualifiedOn = today.AddMonths(-6), ChecklistMet = [.. IntermediaryChecklist.Items.Keys],
            ContractStart = today.AddMonths(-6), ContractEnd = today.AddMonths(18), ContractDocument = "Contract DK-HW-2026-01", TrainedOn = today.AddMonths(-5),
        }, ct);

        (string Name, string Area, bool ThroughAgency)[] people =
        [
            ("Shirin Akter", "Ashulia", true), ("Rina Begum", "Ashulia", true), ("Nasima Khatun", "Ashulia", true),
            ("Parvin Akter", "Savar", false), ("Hasina Begum", "Savar", false), ("Jesmin Nahar", "Ashulia", true),
        ];
        var ids = new List<Guid>();
        for (var i = 0; i < people.Length; i++)
        {
            var (name, area, throughAgency) = people[i];
            var registered = await register.RegisterAsync(supplier, new HomeworkerInput
            {
                Name = name, Gender = HomeworkerGender.Woman, BirthDate = new DateOnly(1980 + i * 3, 1 + i, 10 + i), ProofOfAge = ProofOfAge.NationalIdentityCard,
                ProofOfAgeCheckedOn = today.AddMonths(-4), Address = $"House {12 + i}, Road {3 + i}", Area = area, Country = "BD", FacilityId = unit,
                IntermediaryId = throughAgency ? agency.Id : null, SocialSecurity = i % 3 == 0 ? SocialSecurityStatus.Enrolled : SocialSecurityStatus.Applied,
                TrainingReceived = "Hand embroidery quality; safe use of needles and lamps", PotableWater = true, AdequateLighting = i != 2, ProtectiveEquipment = true,
                MonthlyQuotaMinutes = 6000, Language = "bn",
            }, ct);
            ids.Add(registered.Homeworker.Id);
        }

        for (var i = 0; i < ids.Count - 1; i++)
        {
            var issued = today.AddDays(-30 + i);
            var order = (await orders.IssueAsync(supplier, new WorkOrderInput
            {
                HomeworkerId = ids[i], Style = "NW-2207 cardigan", Operation = "hand embroidery of the placket", PieceRate = i == 4 ? 1.40m : 2.20m, Currency = "BDT",
                StandardMinutesPerPiece = 2m, Quantity = 150, IssuedOn = issued, DueOn = issued.AddDays(10), AcceptFlags = true,
            }, ct)).Order;
            await orders.ReturnAsync(supplier, order.Id, new PieceReturnInput { ReturnedOn = issued.AddDays(9), Accepted = 145, Rejected = 5, RejectionReason = "Uneven stitches" }, ct);
            var owed = WageCheck.Owed(145, order.PieceRate);
            await orders.PayAsync(supplier, order.Id, new PaymentInput
            {
                Amount = i == 1 ? owed - 50m : owed, PaidOn = issued.AddDays(i == 2 ? 25 : 12), Method = i % 2 == 0 ? PaymentMethod.MobileMoney : PaymentMethod.Cash,
                PaidBy = "Savar Homework Agency", Reference = i % 2 == 0 ? $"bKash {7_700_000 + i}" : null,
            }, ct);
        }
    }
}
