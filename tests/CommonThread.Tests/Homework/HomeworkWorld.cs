using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.Homework;

/// <summary>
/// A fresh supplier in Bangladesh with one facility, a brand that buys from it, API clients for
/// both, and the minimum wage the work orders are checked against (60 BDT an hour).
/// </summary>
public sealed class HomeworkWorld
{
    public const decimal MinimumHourly = 60m;

    private HomeworkWorld(TestApp app, HttpClient supplier, Organisation supplierOrganisation, HttpClient brand, Organisation brandOrganisation, Guid facilityId)
    {
        App = app;
        Supplier = supplier;
        SupplierOrganisation = supplierOrganisation;
        Brand = brand;
        BrandOrganisation = brandOrganisation;
        FacilityId = facilityId;
    }

    public TestApp App { get; }

    public HttpClient Supplier { get; }

    public Organisation SupplierOrganisation { get; }

    public HttpClient Brand { get; }

    public Organisation BrandOrganisation { get; }

    public Guid FacilityId { get; }

    public string Api => $"/api/organisations/{SupplierOrganisation.Id}";

    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public static async Task<HomeworkWorld> CreateAsync(TestApp app)
    {
        var (supplier, supplierOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier);
        var (brand, brandOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Viewer);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplierOrganisation.Id, Name = $"Homework unit {Guid.NewGuid():N}", Address = "Savar", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility, new SupplyLink { BuyerOrganisationId = brandOrganisation.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            await db.SaveChangesAsync();
            return facility.Id;
        });
        await app.WithDbAsync(async db =>
        {
            if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<MinimumWage>(), m => m.Region == "Homework specs"))
            {
                return 0;
            }

            db.Add(new MinimumWage { CountryCode = "BD", Region = "Homework specs", HourlyRate = MinimumHourly, Currency = "BDT", EffectiveFrom = new DateOnly(2020, 1, 1), Source = "test" });
            try
            {
                return await db.SaveChangesAsync();
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                return 0; // specs running at the same time: another one put it there
            }
        });
        return new(app, supplier, supplierOrganisation, brand, brandOrganisation, facilityId);
    }

    public static object Person(string name, string area = "Ashulia", string birthDate = "1990-04-02", Guid? facilityId = null, Guid? intermediaryId = null, string gender = "Woman") => new
    {
        name, gender, birthDate, proofOfAge = "NationalIdentityCard", proofOfAgeCheckedOn = "2025-06-01", address = "House 4, Road 2", area, country = "BD",
        region = "Homework specs", facilityId, intermediaryId, monthlyQuotaMinutes = 6000, language = "bn",
    };

    public async Task<RegisteredHomeworker> RegisterAsync(string name, string area = "Ashulia", Guid? intermediaryId = null, string gender = "Woman") =>
        await (await Supplier.PostAsJsonAsync($"{Api}/homeworkers", Person(name, area, facilityId: FacilityId, intermediaryId: intermediaryId, gender: gender)))
            .ReadAsync<RegisteredHomeworker>();

    /// <summary>Pays 1.50 BDT for 2 standard minutes: 45 BDT an hour, below the minimum; 1.80 for 1.5 minutes is 72, above it.</summary>
    public static object Order(Guid homeworkerId, decimal pieceRate = 1.80m, decimal minutes = 1.5m, int quantity = 100, int dueInDays = 14, bool acceptFlags = false,
        string? issuedOn = null) => new
    {
        homeworkerId, style = "KN-2041", operation = "hand embroidery", pieceRate, currency = "BDT", standardMinutesPerPiece = minutes, quantity,
        issuedOn, dueOn = (issuedOn is null ? Today : DateOnly.Parse(issuedOn, System.Globalization.CultureInfo.InvariantCulture)).AddDays(dueInDays), acceptFlags,
    };

    public async Task<WorkOrderIssued> IssueAsync(object order) =>
        await (await Supplier.PostAsJsonAsync($"{Api}/work-orders", order)).ReadAsync<WorkOrderIssued>();
}
