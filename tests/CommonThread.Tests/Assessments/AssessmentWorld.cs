using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Assessments;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.Assessments;

/// <summary>A fresh brand buying (link confirmed) from a fresh supplier's facility in Cambodia, with API clients for both (editors).</summary>
public sealed record AssessmentWorld(TestApp App, HttpClient Brand, Organisation BrandOrganisation, HttpClient Supplier, Organisation SupplierOrganisation, Guid FacilityId)
{
    public static readonly Guid StarterId = QuestionnaireLibrary.Starters[0].Id;

    public string BrandApi => $"/api/organisations/{BrandOrganisation.Id}";

    public string SupplierApi => $"/api/organisations/{SupplierOrganisation.Id}";

    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public static async Task<AssessmentWorld> CreateAsync(TestApp app)
    {
        var (brand, brandOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var (supplier, supplierOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplierOrganisation.Id, Name = $"Phnom Penh Sewing {Guid.NewGuid():N}", Address = "Street 271", CountryCode = "KH", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility, new SupplyLink { BuyerOrganisationId = brandOrganisation.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            await db.SaveChangesAsync();
            return facility.Id;
        });
        return new(app, brand, brandOrganisation, supplier, supplierOrganisation, facilityId);
    }

    /// <summary>Sends a questionnaire (the supplier FoA starter unless told) to the facility and returns the supplier's assignment.</summary>
    public async Task<AssignmentDto> AssignAsync(Guid? questionnaireId = null)
    {
        await (await Brand.PostAsJsonAsync($"{BrandApi}/assignments", new { questionnaireId = questionnaireId ?? StarterId, facilityIds = new[] { FacilityId }, dueOn = Today.AddDays(14) }))
            .ReadAsync<AssignResult>();
        var received = await Supplier.GetFromJsonAsync<List<AssignmentDto>>($"{SupplierApi}/assignments", Http.Json);
        return received!.First(a => a.QuestionnaireId == (questionnaireId ?? StarterId) && a.Status != AssignmentStatus.Submitted);
    }

    /// <summary>A complete, accepted set of answers to the supplier FoA starter: a union of 120 in 400 workers, no agreement.</summary>
    public static Dictionary<string, string> CompleteStarterAnswers() => new()
    {
        ["workers"] = "400", ["women"] = "300", ["short_contracts"] = "under_10", ["has_union"] = "yes", ["union_name"] = "Cambodian Garment Workers' Union",
        ["union_members"] = "120", ["union_recognised"] = "yes", ["union_access"] = "permission", ["has_committee"] = "no", ["has_agreement"] = "no", ["negotiating"] = "yes",
        ["has_mechanism"] = "yes", ["channels"] = "union hotline", ["grievances_year"] = "4", ["policy"] = "yes", ["dismissals"] = "no", ["contact_name"] = "HR manager",
    };
}
