using System.Net.Http.Json;
using CommonThread.Tests.Grievances;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.DueDiligence.Remediation;
using CommonThread.Web.DueDiligence.Reports;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.DueDiligence;

/// <summary>Remediation followed to completion: each grievance remedy from proposal through the agreement the mechanism requires to implementation, in one place and in the reports.</summary>
public abstract class RemediationSpecs(TestApp app)
{
    private static async Task MoveAsync(FreshMechanism line, GrievanceCase grievance, string to) =>
        (await line.Api.PostAsJsonAsync($"{line.Cases}/{grievance.Id}/transitions", new { to })).EnsureSuccessStatusCode();

    private static async Task ProposeRemedyAsync(FreshMechanism line, GrievanceCase grievance)
    {
        await MoveAsync(line, grievance, "Acknowledged");
        await MoveAsync(line, grievance, "UnderInvestigation");
        (await line.Api.PostAsJsonAsync($"{line.Cases}/{grievance.Id}/messages", new { kind = "RemedyProposal", text = "Back pay by the 30th" })).EnsureSuccessStatusCode();
    }

    private static async Task AgreeAsync(HttpClient party, Guid organisationId, GrievanceCase grievance) =>
        (await party.PostAsync($"/api/organisations/{organisationId}/grievances/{grievance.Id}/agree", null)).EnsureSuccessStatusCode();

    private static async Task<List<RemedyDto>> RemediesAsync(HttpClient client, Guid organisationId) =>
        (await client.GetFromJsonAsync<List<RemedyDto>>($"/api/organisations/{organisationId}/remedies", Http.Json))!;

    [Fact]
    public async Task A_party_follows_a_remedy_from_proposal_through_every_agreement_needed_to_implementation_and_the_reporters_answer()
    {
        var line = await FreshMechanism.CreateAsync(app, "Supplier, Union, Brand");
        var (grievance, _) = await line.FileAsync("BD", "WagesAndPayment");
        var (untouched, _) = await line.FileAsync("BD", "WorkingHours");
        var (union, unionOrganisation) = await line.AddPartyAsync(grievance, OrganisationKind.Union, "Union");
        var (brand, brandOrganisation) = await line.AddPartyAsync(grievance, OrganisationKind.Brand, "Brand");
        var (otherBrand, otherBrandOrganisation) = await line.AddPartyAsync(grievance, OrganisationKind.Brand, "Brand");
        var competitor = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var competitorClient = await app.ClientForAsync(await app.NewMemberAsync(competitor.Name, MemberRole.Owner));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await ProposeRemedyAsync(line, grievance);
        await AgreeAsync(line.Api, line.Organisation.Id, grievance);

        var proposed = Assert.Single(await RemediesAsync(brand, brandOrganisation.Id));
        Assert.Equal((grievance.Reference, CaseStatus.RemedyProposed, (DateOnly?)today, (DateOnly?)null, 3), (proposed.Reference, proposed.Status, proposed.ProposedOn, proposed.ImplementedOn, proposed.AgreementsPending));
        Assert.DoesNotContain(await RemediesAsync(line.Api, line.Organisation.Id), r => r.Reference == untouched.Reference);

        await AgreeAsync(union, unionOrganisation.Id, grievance);
        await AgreeAsync(brand, brandOrganisation.Id, grievance);
        await AgreeAsync(otherBrand, otherBrandOrganisation.Id, grievance);
        await MoveAsync(line, grievance, "RemedyImplemented");
        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Id == grievance.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.ReporterSatisfied, true)));

        var done = Assert.Single(await RemediesAsync(brand, brandOrganisation.Id));
        Assert.Equal((CaseStatus.RemedyImplemented, (DateOnly?)today, (DateOnly?)today, 0, (bool?)true), (done.Status, done.AgreedOn, done.ImplementedOn, done.AgreementsPending, done.ReporterSatisfied));
        var page = System.Net.WebUtility.HtmlDecode(await (await app.SignedInAsync((await app.NewMemberAsync(brandOrganisation.Name, MemberRole.Viewer)).Email, TestMember.Password))
            .GetStringAsync($"/o/{brandOrganisation.Id}/remediation"));
        Assert.Contains($"data-case=\"{grievance.Reference}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"implemented\">1<", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"satisfied\">1 / 1<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(otherBrandOrganisation.Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Back pay by the 30th", page, StringComparison.Ordinal);
        Assert.Empty(await RemediesAsync(competitorClient, competitor.Id));
        Assert.DoesNotContain(grievance.Reference, await (await app.SignedInAsync((await app.NewMemberAsync(competitor.Name, MemberRole.Viewer)).Email, TestMember.Password))
            .GetStringAsync($"/o/{competitor.Id}/remediation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_reads_no_date_of_a_step_another_brand_took_yet_counts_that_brands_pending_agreement()
    {
        var line = await FreshMechanism.CreateAsync(app, "Supplier, Brand");
        var (grievance, _) = await line.FileAsync("BD", "WagesAndPayment");
        var (brand, brandOrganisation) = await line.AddPartyAsync(grievance, OrganisationKind.Brand, "Brand");
        var (otherBrand, otherBrandOrganisation) = await line.AddPartyAsync(grievance, OrganisationKind.Brand, "Brand");
        await MoveAsync(line, grievance, "Acknowledged");
        await MoveAsync(line, grievance, "UnderInvestigation");
        (await otherBrand.PostAsJsonAsync($"/api/organisations/{otherBrandOrganisation.Id}/grievances/{grievance.Id}/messages", new { kind = "RemedyProposal", text = "Our own proposal" }))
            .EnsureSuccessStatusCode();

        var seenByBrand = Assert.Single(await RemediesAsync(brand, brandOrganisation.Id));
        var seenByProposer = Assert.Single(await RemediesAsync(otherBrand, otherBrandOrganisation.Id));

        Assert.Equal((CaseStatus.RemedyProposed, (DateOnly?)null, 3), (seenByBrand.Status, seenByBrand.ProposedOn, seenByBrand.AgreementsPending));
        Assert.NotNull(seenByProposer.ProposedOn);
    }

    [Fact]
    public async Task The_statements_remediation_figure_hides_fewer_than_five_remedies_and_from_five_on_counts_them_with_a_link_to_the_records()
    {
        var line = await FreshMechanism.CreateAsync(app, "Supplier");
        var brandOrganisation = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var brand = await app.ClientForAsync(await app.NewMemberAsync(brandOrganisation.Name, MemberRole.Owner));
        async Task<ReportLine> FigureAsync() =>
            (await brand.GetFromJsonAsync<DueDiligenceReport>($"/api/organisations/{brandOrganisation.Id}/dd-reports/csddd-statement", Http.Json))!
            .Sections.Single(s => s.Id == "art12").Lines.Single(l => l.Key == "remediation.provided");
        var cases = new List<GrievanceCase>();
        for (var i = 0; i < GrievanceStatistics.MinimumGroup; i++)
        {
            var (grievance, _) = await line.FileAsync("BD", "WagesAndPayment");
            (await line.Api.PostAsJsonAsync($"{line.Cases}/{grievance.Id}/parties", new { organisationId = brandOrganisation.Id, role = "Brand" })).EnsureSuccessStatusCode();
            cases.Add(grievance);
        }

        var none = await FigureAsync();
        foreach (var grievance in cases.SkipLast(1))
        {
            await ProposeRemedyAsync(line, grievance);
            await AgreeAsync(line.Api, line.Organisation.Id, grievance);
        }

        var few = await FigureAsync();
        await ProposeRemedyAsync(line, cases[^1]);
        foreach (var grievance in cases.Take(2))
        {
            await MoveAsync(line, grievance, "RemedyImplemented");
        }

        var five = await FigureAsync();

        Assert.Equal("No grievance remedy has been implemented yet.", none.Gap);
        Assert.Equal(("fewer than 5 (not shown)", (string?)null), (few.Value, few.Gap));
        Assert.Equal(("2 implemented; 2 agreed, to be implemented; 1 waiting for agreement", $"/o/{brandOrganisation.Id}/remediation", (string?)null), (five.Value, five.Records, five.Gap));
    }

    [Fact]
    public async Task The_demo_follows_the_locked_fire_exit_to_a_remedy_every_party_agreed_the_supplier_carried_out_and_the_reporter_accepted()
    {
        var northwind = await app.OrganisationAsync("Northwind Apparel");
        var client = await app.SignedInAsync("brand@northwind.example", "commonthread-demo-2026");

        var remedy = Assert.Single(await RemediesAsync(client, northwind.Id), r => r.Category == GrievanceCategory.HealthAndSafety);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/o/{northwind.Id}/remediation"));
        var statement = (await client.GetFromJsonAsync<DueDiligenceReport>($"/api/organisations/{northwind.Id}/dd-reports/csddd-statement", Http.Json))!
            .Sections.Single(s => s.Id == "art12").Lines.Single(l => l.Key == "remediation.provided");

        Assert.Equal((CaseStatus.RemedyImplemented, 0, (bool?)true), (remedy.Status, remedy.AgreementsPending, remedy.ReporterSatisfied));
        Assert.NotNull(remedy.AgreedOn);
        Assert.Contains($"data-case=\"{remedy.Reference}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("second-floor sewing hall", page, StringComparison.Ordinal);
        Assert.Null(statement.Gap);
    }
}

public sealed class RemediationSpecsOnSqlite(SqliteApp app) : RemediationSpecs(app);

public sealed class RemediationSpecsOnPostgres(PostgresApp app) : RemediationSpecs(app);
