using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Grievances;

/// <summary>
/// A supplier of its own running a facility in Bangladesh and one in Viet Nam (named with a word no other test
/// uses), with a grievance mechanism and a channel for each: its case list holds only what a spec files here.
/// </summary>
public sealed class FreshMechanism
{
    private readonly TestApp app;

    private FreshMechanism(TestApp app, Organisation organisation, TestMember owner, HttpClient api, string word)
    {
        this.app = app;
        (Organisation, Owner, Api, Word) = (organisation, owner, api, word);
    }

    public Organisation Organisation { get; }

    public TestMember Owner { get; }

    public HttpClient Api { get; }

    public string Word { get; }

    public Dictionary<string, string> ChannelByCountry { get; } = [];

    public string Cases => $"/api/organisations/{Organisation.Id}/grievances";

    public string Page => $"/o/{Organisation.Id}/grievances";

    /// <param name="closingNeedsAgreementOf">Whose agreement the mechanism needs, as the API takes it ("Supplier, Union").</param>
    public static async Task<FreshMechanism> CreateAsync(TestApp app, string closingNeedsAgreementOf = "Supplier, Union")
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var owner = await app.NewMemberAsync(organisation.Name, MemberRole.Owner);
        var line = new FreshMechanism(app, organisation, owner, await app.ClientForAsync(owner), "Gl" + Guid.NewGuid().ToString("N")[..8]);
        var api = $"/api/organisations/{organisation.Id}";
        (await line.Api.PutAsJsonAsync($"{api}/grievance-mechanism", new { name = $"{line.Word} line", acknowledgeWithinDays = 7, feedbackWithinDays = 90, retainClosedCasesDays = 730, closingNeedsAgreementOf }))
            .EnsureSuccessStatusCode();
        foreach (var (country, town) in new[] { ("BD", "Gazipur"), ("VN", "Haiphong") })
        {
            var facility = await (await line.Api.PostAsJsonAsync($"{api}/facilities", new { name = $"{line.Word} {town} Knits", address = $"Road 1, {town}", countryCode = country })).ReadAsync<Web.SupplyChain.FacilityDto>();
            line.ChannelByCountry[country] = (await (await line.Api.PostAsJsonAsync($"{api}/grievance-mechanism/channels", new { facilityId = facility.Id, language = "en" })).ReadAsync<ChannelDto>()).Code;
        }

        return line;
    }

    /// <summary>Files a report through the facility's channel as a hotline gateway would, and returns the case and its receipt code.</summary>
    public async Task<(GrievanceCase Case, string Code)> FileAsync(string country, string category, string text = "Reported on the hotline", object? reporter = null)
    {
        var body = reporter ?? new { submissionId = Guid.NewGuid(), category, text, anonymous = true };
        var receipt = await (await Api.PostAsJsonAsync($"/api/organisations/{Organisation.Id}/grievance-intake/{ChannelByCountry[country]}", body)).ReadAsync<Receipt>();
        return (await app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Reference == receipt.Reference)), receipt.Code!);
    }

    /// <summary>Sets a case's dates as if it had been received <paramref name="daysAgo"/> days ago, with the mechanism's deadlines from then.</summary>
    public Task AgeAsync(GrievanceCase grievance, int daysAgo) => app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Id == grievance.Id)
        .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceivedOn, grievance.ReceivedOn.AddDays(-daysAgo))
            .SetProperty(c => c.AcknowledgeBy, grievance.ReceivedOn.AddDays(7 - daysAgo)).SetProperty(c => c.FeedbackBy, grievance.ReceivedOn.AddDays(90 - daysAgo))));

    /// <summary>A member of an organisation of its own of <paramref name="kind"/>, added to the case as a party by the mechanism.</summary>
    public async Task<(HttpClient Client, Organisation Organisation)> AddPartyAsync(GrievanceCase grievance, OrganisationKind kind, string role)
    {
        var organisation = await app.NewOrganisationAsync(kind);
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        (await Api.PostAsJsonAsync($"{Cases}/{grievance.Id}/parties", new { organisationId = organisation.Id, role })).EnsureSuccessStatusCode();
        return (await app.ClientForAsync(member), organisation);
    }
}
