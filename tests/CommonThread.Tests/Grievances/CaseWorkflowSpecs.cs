using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Grievances;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Grievances;

/// <summary>A clearer workflow: who still has to agree, the status moving on by itself, the reporter's satisfaction, retaliation after closure.</summary>
public abstract class CaseWorkflowSpecs(TestApp app)
{
    private static async Task MoveAsync(FreshMechanism line, GrievanceCase grievance, string to, string? reason = null) =>
        (await line.Api.PostAsJsonAsync($"{line.Cases}/{grievance.Id}/transitions", new { to, reason })).EnsureSuccessStatusCode();

    /// <summary>Acknowledged, investigated, and a remedy proposed by the mechanism (the supplier that runs the facility).</summary>
    private static async Task ProposeRemedyAsync(FreshMechanism line, GrievanceCase grievance)
    {
        await MoveAsync(line, grievance, "Acknowledged");
        await MoveAsync(line, grievance, "UnderInvestigation");
        (await line.Api.PostAsJsonAsync($"{line.Cases}/{grievance.Id}/messages", new { kind = "RemedyProposal", text = "Back pay by the 30th" })).EnsureSuccessStatusCode();
    }

    private static async Task<CaseDetail> AgreeAsync(HttpClient party, Guid organisationId, GrievanceCase grievance) =>
        await (await party.PostAsync($"/api/organisations/{organisationId}/grievances/{grievance.Id}/agree", null)).ReadAsync<CaseDetail>();

    [Fact]
    public async Task The_case_names_the_parties_whose_agreement_is_pending_and_a_brand_sees_other_brands_only_as_a_number()
    {
        var line = await FreshMechanism.CreateAsync(app, "Supplier, Union, Brand");
        var (grievance, _) = await line.FileAsync("BD", "WagesAndPayment");
        var (union, unionOrganisation) = await line.AddPartyAsync(grievance, OrganisationKind.Union, "Union");
        var (brand, brandOrganisation) = await line.AddPartyAsync(grievance, OrganisationKind.Brand, "Brand");
        var (_, otherBrand) = await line.AddPartyAsync(grievance, OrganisationKind.Brand, "Brand");
        await ProposeRemedyAsync(line, grievance);

        var asSupplier = await AgreeAsync(line.Api, line.Organisation.Id, grievance);
        var asBrand = (await brand.GetFromJsonAsync<CaseDetail>($"/api/organisations/{brandOrganisation.Id}/grievances/{grievance.Id}", Http.Json))!;
        var page = await (await app.SignedInAsync(line.Owner.Email, TestMember.Password)).GetStringAsync($"{line.Page}/{grievance.Id}");

        Assert.Equal(new[] { unionOrganisation.Name, brandOrganisation.Name, otherBrand.Name }.Order(StringComparer.CurrentCulture), asSupplier.AgreementPendingFrom);
        Assert.Equal(0, asSupplier.OtherBrandsPending);
        Assert.Equal(new[] { unionOrganisation.Name, brandOrganisation.Name }.Order(StringComparer.CurrentCulture), asBrand.AgreementPendingFrom);
        Assert.Equal(1, asBrand.OtherBrandsPending);
        Assert.DoesNotContain(otherBrand.Name, await brand.GetStringAsync($"/api/organisations/{brandOrganisation.Id}/grievances/{grievance.Id}"), StringComparison.Ordinal);
        Assert.Contains("id=\"agreement-pending\"", page, StringComparison.Ordinal);
        Assert.Contains(unionOrganisation.Name, page[page.IndexOf("id=\"agreement-pending\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(CaseStatus.RemedyProposed, asSupplier.Summary.Status);
        Assert.NotNull(union);
    }

    [Fact]
    public async Task A_reply_can_carry_a_translation_the_reporter_reads_in_the_language_they_wrote_in_while_staff_see_both()
    {
        var line = await FreshMechanism.CreateAsync(app, "Supplier");
        var (grievance, code) = await line.FileAsync("BD", "WagesAndPayment", "বেতন দেরিতে দেওয়া হচ্ছে");
        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Id == grievance.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Language, "bn")));

        var replied = await (await line.Api.PostAsJsonAsync($"{line.Cases}/{grievance.Id}/messages",
            new { kind = "ToReporter", text = "We are checking the payroll.", translation = "আমরা বেতনের খাতা পরীক্ষা করছি।" })).ReadAsync<CaseDetail>();
        var noted = await line.Api.PostAsJsonAsync($"{line.Cases}/{grievance.Id}/messages", new { kind = "InternalNote", text = "Ask HR", translation = "এইচআর-কে জিজ্ঞাসা করুন" });
        var reporterPage = System.Net.WebUtility.HtmlDecode(await new Reporter(app).FollowUpAsync(code));
        var staffPage = System.Net.WebUtility.HtmlDecode(await (await app.SignedInAsync(line.Owner.Email, TestMember.Password)).GetStringAsync($"{line.Page}/{grievance.Id}"));

        Assert.Equal("bn", replied.ReportLanguage);
        Assert.Equal(("We are checking the payroll.", "আমরা বেতনের খাতা পরীক্ষা করছি।"), (replied.Messages[^1].Text, replied.Messages[^1].Translation));
        Assert.Equal(HttpStatusCode.BadRequest, noted.StatusCode);
        Assert.NotEmpty((await noted.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("translation"));
        Assert.DoesNotContain(replied.Messages, m => m.Text == "Ask HR");
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CaseMessage>().CountAsync(m => m.CaseId == grievance.Id && m.Kind != MessageKind.StatusChange && m.Kind != MessageKind.FromReporter)));
        Assert.Contains("আমরা বেতনের খাতা পরীক্ষা করছি।", reporterPage, StringComparison.Ordinal);
        Assert.True(reporterPage.IndexOf("আমরা বেতনের খাতা", StringComparison.Ordinal) < reporterPage.IndexOf("We are checking the payroll.", StringComparison.Ordinal),
            "the reporter reads the translation first, the original only folded below it");
        Assert.Contains("id=\"report-language\"", staffPage, StringComparison.Ordinal);
        Assert.Contains("বাংলা", staffPage, StringComparison.Ordinal);
        Assert.Contains("<p class=\"said translation\" lang=\"bn\">আমরা বেতনের খাতা পরীক্ষা করছি।</p>", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stepping_back_from_a_case_on_its_page_asks_once_more_and_only_the_confirmation_hides_the_case()
    {
        var line = await FreshMechanism.CreateAsync(app, "Supplier");
        var (grievance, _) = await line.FileAsync("BD", "WagesAndPayment");
        var browser = await app.SignedInAsync(line.Owner.Email, TestMember.Password);
        var page = $"{line.Page}/{grievance.Id}";
        Task<int> RecusalsAsync() => app.WithDbAsync(db => db.Set<CaseRecusal>().CountAsync(r => r.CaseId == grievance.Id));

        var asked = await (await browser.PostFormAsync(page, "step-back", [])).Content.ReadAsStringAsync();
        var recusalsWhenAsked = await RecusalsAsync();
        var confirmed = await browser.PostFormAsync(page, "step-back", new() { ["Confirmed"] = "true" });

        Assert.Contains("id=\"confirm-step-back\"", asked, StringComparison.Ordinal);
        Assert.Contains(grievance.Reference, System.Net.WebUtility.HtmlDecode(asked)[asked.IndexOf("confirm-step-back-text", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(0, recusalsWhenAsked);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(1, await RecusalsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task The_last_agreement_needed_moves_the_remedy_to_agreed_with_an_entry_in_the_record_and_a_notice_to_the_parties()
    {
        var line = await FreshMechanism.CreateAsync(app, "Supplier, Union");
        var (grievance, code) = await line.FileAsync("BD", "WagesAndPayment");
        var (union, unionOrganisation) = await line.AddPartyAsync(grievance, OrganisationKind.Union, "Union");
        await ProposeRemedyAsync(line, grievance);

        var afterSupplier = await AgreeAsync(line.Api, line.Organisation.Id, grievance);
        var afterUnion = await AgreeAsync(union, unionOrganisation.Id, grievance);

        Assert.Equal(CaseStatus.RemedyProposed, afterSupplier.Summary.Status);
        Assert.Equal([unionOrganisation.Name], afterSupplier.AgreementPendingFrom);
        Assert.Equal(CaseStatus.RemedyAgreed, afterUnion.Summary.Status);
        Assert.Empty(afterUnion.AgreementPendingFrom);
        var entry = afterUnion.Messages[^1];
        Assert.Equal((MessageKind.StatusChange, CaseStatus.RemedyAgreed, (string?)null), (entry.Kind, entry.NewStatus, entry.From));
        Assert.Contains(CaseStatus.RemedyImplemented, afterUnion.NextStates);
        var told = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == line.Owner.UserId && n.Link.EndsWith(grievance.Id.ToString())).Select(n => n.Text).ToListAsync());
        Assert.Contains(told, t => t.Contains("every party whose agreement is needed agreed", StringComparison.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Web.Platform.Audit.AuditEntry>().CountAsync(a => a.OrganisationId == unionOrganisation.Id && a.Action == "case.status")));
        Assert.Contains("Remedy agreed", await new Reporter(app).FollowUpAsync(code), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_reporter_is_asked_once_there_is_an_outcome_whether_they_are_satisfied_and_the_parties_read_the_answer()
    {
        var line = await FreshMechanism.CreateAsync(app, "Supplier");
        var (grievance, code) = await line.FileAsync("BD", "WagesAndPayment", "Overtime unpaid");
        var reporter = new Reporter(app);
        var before = await reporter.FollowUpAsync(code);
        var (tooEarlyStatus, _) = await SatisfactionAsync(reporter, code, before, "true");
        var afterTooEarly = (await app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Id == grievance.Id))).ReporterSatisfied;
        await ProposeRemedyAsync(line, grievance);
        await AgreeAsync(line.Api, line.Organisation.Id, grievance); // the only party needed: the remedy is agreed at once
        await MoveAsync(line, grievance, "RemedyImplemented", "Paid on the 28th");

        var asked = await reporter.FollowUpAsync(code);
        var (_, answered) = await SatisfactionAsync(reporter, code, asked, "false");
        var detail = (await line.Api.GetFromJsonAsync<CaseDetail>($"{line.Cases}/{grievance.Id}", Http.Json))!;
        var page = await (await app.SignedInAsync(line.Owner.Email, TestMember.Password)).GetStringAsync($"{line.Page}/{grievance.Id}");

        Assert.DoesNotContain("id=\"satisfaction\"", before, StringComparison.Ordinal);
        // Before an outcome the form is not on the page, so a forged post is refused and records nothing.
        Assert.NotEqual(HttpStatusCode.InternalServerError, tooEarlyStatus);
        Assert.Null(afterTooEarly);
        Assert.Contains("id=\"satisfaction\"", asked, StringComparison.Ordinal);
        Assert.Contains("Are you satisfied with the outcome?", asked, StringComparison.Ordinal);
        Assert.Contains("The parties to your case will read your answer.", answered, StringComparison.Ordinal);
        Assert.Contains("You said you are not satisfied with the outcome.", answered, StringComparison.Ordinal);
        Assert.False(detail.ReporterSatisfied);
        Assert.Contains("The reporter is not satisfied with the outcome.", page, StringComparison.Ordinal);
        Assert.False((await app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Id == grievance.Id))).ReporterSatisfied);
    }

    [Fact]
    public async Task After_closure_the_reporter_still_reports_retaliation_which_opens_an_urgent_linked_case_the_parties_are_told_of()
    {
        var line = await FreshMechanism.CreateAsync(app);
        var (grievance, code) = await line.FileAsync("VN", "Dismissal", "Dismissed after joining the union");
        await MoveAsync(line, grievance, "Rejected", "Dismissal was for an earlier reason, checked with the union");
        var reporter = new Reporter(app);

        var closed = await reporter.FollowUpAsync(code);
        var filed = await reporter.RetaliateAsync(code, "Since the case closed my supervisor refuses me overtime");
        var reference = System.Text.RegularExpressions.Regex.Match(filed, "GR-[0-9A-Z]{8}").Value;
        var linked = await app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Reference == reference));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AnonymousActNotices>()
                .ReleaseAsync(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), urgentOnly: true, CancellationToken.None);
        }

        var original = await (await app.SignedInAsync(line.Owner.Email, TestMember.Password)).GetStringAsync($"{line.Page}/{grievance.Id}");
        var told = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == line.Owner.UserId && n.Link.EndsWith(linked.Id.ToString())).ToListAsync());

        Assert.Contains("id=\"retaliation\"", closed, StringComparison.Ordinal);
        Assert.Contains("id=\"closed-retaliation-note\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reply-text\"", closed, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{16}$", Reporter.CodeOn(filed));
        Assert.Equal((grievance.Id, GrievanceCategory.Retaliation, true, true), (linked.RelatedCaseId!.Value, linked.Category, linked.Urgent, linked.Anonymous));
        Assert.Contains("id=\"later-retaliation\"", original, StringComparison.Ordinal);
        Assert.Contains(reference, original, StringComparison.Ordinal);
        Assert.Contains(told, n => n.Urgent && n.Text.Contains("Retaliation reported in new case " + reference, StringComparison.Ordinal));
    }

    /// <summary>Posts the follow-up page's satisfaction form with the code, as the reporter's browser would.</summary>
    private static async Task<(HttpStatusCode Status, string Page)> SatisfactionAsync(Reporter reporter, string code, string opened, string satisfied)
    {
        var token = WebUtility.HtmlDecode(Reporter.Field(opened, "__RequestVerificationToken"));
        var response = await reporter.Client.PostAsync("/follow-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "satisfaction", ["__RequestVerificationToken"] = token, ["Code"] = code, ["Satisfied"] = satisfied,
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class CaseWorkflowSpecsOnSqlite(SqliteApp app) : CaseWorkflowSpecs(app);

public sealed class CaseWorkflowSpecsOnPostgres(PostgresApp app) : CaseWorkflowSpecs(app);
