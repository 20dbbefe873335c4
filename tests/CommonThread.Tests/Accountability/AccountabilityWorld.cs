using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.Accountability;

public sealed record Party(HttpClient Client, Organisation Organisation)
{
    public string Api => $"/api/organisations/{Organisation.Id}";
}

/// <summary>
/// A fresh initiative and union, some brands, and suppliers each running one facility that every one
/// of the brands buys from; API clients (editors) for all of them.
/// </summary>
public sealed record AccountabilityWorld(TestApp App, Party Initiative, Party Union, IReadOnlyList<Party> Brands, IReadOnlyList<Party> Suppliers, IReadOnlyList<string> FacilityNames)
{
    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public Party Brand => Brands[0];

    public static async Task<AccountabilityWorld> CreateAsync(TestApp app, int brands = 1, int suppliers = 1)
    {
        async Task<Party> New(OrganisationKind kind)
        {
            var (client, organisation) = await app.NewOrganisationClientAsync(kind);
            return new Party(client, organisation);
        }

        var initiative = await New(OrganisationKind.Initiative);
        var union = await New(OrganisationKind.Union);
        var brandList = new List<Party>();
        for (var i = 0; i < brands; i++)
        {
            brandList.Add(await New(OrganisationKind.Brand));
        }

        var supplierList = new List<Party>();
        var facilityNames = new List<string>();
        for (var i = 0; i < suppliers; i++)
        {
            var supplier = await New(OrganisationKind.Supplier);
            var name = $"Savar Stitching Unit {i} {Guid.NewGuid():N}";
            await app.WithDbAsync(async db =>
            {
                var facility = new Facility { OperatorOrganisationId = supplier.Organisation.Id, Name = name, Address = "Savar", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
                db.Add(facility);
                db.AddRange(brandList.Select(b => new SupplyLink { BuyerOrganisationId = b.Organisation.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed }));
                return await db.SaveChangesAsync();
            });
            supplierList.Add(supplier);
            facilityNames.Add(name);
        }

        return new(app, initiative, union, brandList, supplierList, facilityNames);
    }

    /// <summary>The initiative opens a round on the starter framework for every brand, each reviewed by the union.</summary>
    public async Task<RoundDto> OpenRoundAsync(int? minimumResponses = null, DateOnly? periodStart = null, DateOnly? reportsDueOn = null, string name = "2026 monitoring")
    {
        var start = periodStart ?? Today.AddMonths(-6);
        return await (await Initiative.Client.PostAsJsonAsync($"{Initiative.Api}/rounds", new
        {
            name, frameworkId = FrameworkService.StarterId, periodStart = start, periodEnd = start.AddMonths(6), reportsDueOn = reportsDueOn ?? Today.AddDays(30),
            feedbackClosesOn = Today.AddDays(30), minimumResponses,
            participants = Brands.Select(b => new { brandOrganisationId = b.Organisation.Id, reviewerOrganisationId = Union.Organisation.Id }),
        })).ReadAsync<RoundDto>();
    }

    /// <summary>Every listed supplier rates the brand, agreeing with everything to the given degree.</summary>
    public async Task AnswerAsync(Guid roundId, Party brand, IEnumerable<Party> suppliers, string degree = "agree", Dictionary<string, string>? extra = null)
    {
        foreach (var supplier in suppliers)
        {
            var invitation = (await supplier.Client.GetFromJsonAsync<List<FeedbackInvitationDto>>($"{supplier.Api}/feedback-invitations", Http.Json))!
                .Single(i => i.RoundId == roundId && i.Brand == brand.Organisation.Name);
            var response = await supplier.Client.PostAsJsonAsync($"{supplier.Api}/feedback-invitations/{invitation.Id}/response", new { answers = Ratings(degree, extra) });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public static Dictionary<string, string> Ratings(string degree, Dictionary<string, string>? extra = null)
    {
        var answers = FeedbackForm.Definition.AllQuestions.Where(q => q.ListName == "agreement").ToDictionary(q => q.Name, _ => degree);
        foreach (var (key, value) in extra ?? [])
        {
            answers[key] = value;
        }

        return answers;
    }

    public async Task<ReleaseDto> ReleaseAsync(Guid roundId) => await (await Initiative.Client.PostAsync($"{Initiative.Api}/rounds/{roundId}/release", null)).ReadAsync<ReleaseDto>();

    public async Task<ScorecardDto> ScorecardAsync(Party viewer, Guid roundId, Party brand) =>
        (await viewer.Client.GetFromJsonAsync<ScorecardDto>($"{viewer.Api}/rounds/{roundId}/brands/{brand.Organisation.Id}/scorecard", Http.Json))!;
}
