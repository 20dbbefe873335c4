using CommonThread.Data;
using CommonThread.Web.Knowledge.CollectiveAgreements;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Demo;

/// <summary>
/// The register's demo: the Bangladeshi federation's agreement at Dhaka Knitwear Unit 1 with coded clauses, naming the
/// employer, who has yet to confirm (and coming to an end, so its reminder is due), and a public sector agreement
/// the employers' association and the federation signed.
/// </summary>
public static class DemoAgreements
{
    public const string FacilityAgreement = "Dhaka Knitwear Unit 1 collective agreement 2025–2027 (demo)";
    public const string SectorAgreement = "Knitwear and woven garments sector agreement on wages and leave (demo)";

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, AppDbContext db, CbaService agreements, DateOnly today, CancellationToken ct)
    {
        var federation = organisations["Bangladesh Garment Workers Federation (demo)"];
        var employer = organisations["Dhaka Knitwear Ltd"];
        var association = organisations["Garment Employers' Association (demo)"];
        var facility = await db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id).SingleAsync(ct);
        await agreements.RecordAsync(new OrganisationAccess(federation, MemberRole.Owner), new CbaInput
        {
            Title = FacilityAgreement, Level = AgreementLevel.Facility, Country = "BD", FacilityId = facility, Sector = "Knitwear", Language = "en",
            SignedOn = today.AddYears(-2).AddDays(80), StartsOn = today.AddYears(-2).AddDays(90), ExpiresOn = today.AddDays(80), WorkersCovered = 2070, WomenCovered = 1450,
            Parties =
            [
                new(AgreementSide.Workers, "Dhaka Knitwear Workers Union"),
                new(AgreementSide.Employers, null, employer.Id),
            ],
            Clauses =
            [
                new(ClauseTopic.Wages, "Art. 4", "Every grade is paid at least the sector minimum plus 8%; wages are paid by the 7th of the following month, into the worker's own account."),
                new(ClauseTopic.WorkingTime, "Art. 6", "Overtime is voluntary, at most 2 hours a day and 12 a week, paid at twice the basic hourly wage."),
                new(ClauseTopic.GenderEqualityAndMaternity, "Art. 9", "16 weeks of paid maternity leave; a childcare room on site; an anti-harassment committee with a majority of women elected by the workers."),
                new(ClauseTopic.FreedomOfAssociation, "Art. 2", "The union's representatives have 4 paid hours a week for union duties and a notice board in each floor."),
                new(ClauseTopic.DisputeSettlement, "Art. 14", "A grievance unresolved by the floor supervisor within 7 days goes to the joint committee, and then to conciliation by the labour department."),
            ],
        }, ct);
        await agreements.RecordAsync(new OrganisationAccess(association, MemberRole.Owner), new CbaInput
        {
            Title = SectorAgreement, Level = AgreementLevel.Sector, Country = "BD", Sector = "Garments (knit and woven)", Language = "en",
            SignedOn = today.AddMonths(-7), StartsOn = today.AddMonths(-6), ExpiresOn = today.AddMonths(30), WorkersCovered = 250_000, WomenCovered = 140_000, Public = true,
            Parties =
            [
                new(AgreementSide.Employers, null, association.Id),
                new(AgreementSide.Workers, null, federation.Id),
            ],
            Clauses =
            [
                new(ClauseTopic.Wages, "§ 3", "An annual increment of 5% of the basic wage on 1 December."),
                new(ClauseTopic.Leave, "§ 5", "Eleven festival holidays and one day of annual leave for every 18 days worked."),
                new(ClauseTopic.HealthAndSafety, "§ 7", "A safety committee in every factory of 50 workers or more, half its members elected by the workers."),
            ],
            Text = "The parties agree the minimum terms set out below for the knitwear and woven garments sector. Factory agreements may improve on them, never go below them.",
        }, ct);
    }
}
