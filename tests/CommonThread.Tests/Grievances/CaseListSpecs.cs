using System.Net;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Grievances;

/// <summary>A party's case list at scale: searched, filtered, sorted and paged on the server, and exported with the same filter.</summary>
public abstract partial class CaseListSpecs(TestApp app)
{
    /// <summary>Five cases: three at the Bangladesh facility (two about wages, one about safety), two in Viet Nam; the safety case overdue.</summary>
    private async Task<(FreshMechanism Line, GrievanceCase[] Cases)> FiveCasesAsync()
    {
        var line = await FreshMechanism.CreateAsync(app);
        var cases = new[]
        {
            (await line.FileAsync("BD", "WagesAndPayment")).Case, (await line.FileAsync("BD", "WagesAndPayment")).Case,
            (await line.FileAsync("BD", "HealthAndSafety")).Case, (await line.FileAsync("VN", "WorkingHours")).Case, (await line.FileAsync("VN", "Dismissal")).Case,
        };
        // Received 1, 2, 10, 3 and 4 days ago: only the safety case is past its 7-day acknowledgement.
        foreach (var (grievance, daysAgo) in cases.Zip(new[] { 1, 2, 10, 3, 4 }))
        {
            await line.AgeAsync(grievance, daysAgo);
        }

        return (line, cases);
    }

    private async Task<string> PageAsync(FreshMechanism line, string query = "")
    {
        var browser = await app.SignedInAsync(line.Owner.Email, TestMember.Password);
        var response = await browser.GetAsync(line.Page + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> ReferencesIn(string html) =>
        References().Matches(html[html.IndexOf("id=\"cases\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).Distinct().ToList();

    [GeneratedRegex(">(GR-[0-9A-Z]{8})</a>")]
    private static partial Regex References();

    [Fact]
    public async Task The_page_filters_by_country_and_category_and_shows_the_filtered_total()
    {
        var (line, cases) = await FiveCasesAsync();

        var vietNam = await PageAsync(line, "?country=VN");
        var bangladeshWages = await PageAsync(line, "?country=Bangladesh&category=WagesAndPayment");
        var all = await PageAsync(line);

        Assert.Contains("Showing 1–2 of 2", vietNam, StringComparison.Ordinal);
        Assert.Equal(cases[3..].Select(c => c.Reference).Order(), ReferencesIn(vietNam).Order());
        Assert.Equal(cases[..2].Select(c => c.Reference).Order(), ReferencesIn(bangladeshWages).Order());
        Assert.Contains("Showing 1–5 of 5", all, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Facility\"", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_finds_a_case_by_its_reference_by_its_facility_and_by_its_category()
    {
        var (line, cases) = await FiveCasesAsync();

        var byReference = await PageAsync(line, $"?q={cases[4].Reference.ToLowerInvariant()}");
        var byFacility = await PageAsync(line, "?q=haiphong");
        var byCategory = await PageAsync(line, "?q=safety");
        var byNothing = await PageAsync(line, "?q=nowhere-at-all");

        Assert.Equal([cases[4].Reference], ReferencesIn(byReference));
        Assert.Equal(cases[3..].Select(c => c.Reference).Order(), ReferencesIn(byFacility).Order());
        Assert.Equal([cases[2].Reference], ReferencesIn(byCategory));
        Assert.Contains("No case matches this filter.", byNothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_case_is_filtered_and_marked_in_words_in_the_list_and_on_the_case()
    {
        var (line, cases) = await FiveCasesAsync();

        var overdue = await PageAsync(line, "?overdue=yes");
        var onTime = await PageAsync(line, "?overdue=no&status=open");
        var browser = await app.SignedInAsync(line.Owner.Email, TestMember.Password);
        var detail = await browser.GetStringAsync($"{line.Page}/{cases[2].Id}");
        var notOverdue = await browser.GetStringAsync($"{line.Page}/{cases[0].Id}");

        Assert.Equal([cases[2].Reference], ReferencesIn(overdue));
        Assert.Contains("class=\"overdue-row\"", overdue, StringComparison.Ordinal);
        Assert.Contains("acknowledgement overdue", overdue, StringComparison.Ordinal);
        Assert.Equal(4, ReferencesIn(onTime).Count);
        Assert.DoesNotContain("overdue-row", onTime, StringComparison.Ordinal);
        Assert.Contains("id=\"case-overdue\"", detail, StringComparison.Ordinal);
        Assert.Contains("This case is overdue:", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"case-overdue\"", notOverdue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_sort_newest_oldest_or_by_the_soonest_deadline_and_by_default_overdue_first()
    {
        var (line, cases) = await FiveCasesAsync();
        // The newest case is acknowledged: its next deadline is the reply, 89 days on.
        (await line.Api.PostAsync($"{line.Cases}/{cases[0].Id}/transitions", Json("""{"to":"Acknowledged"}"""))).EnsureSuccessStatusCode();

        var newest = ReferencesIn(await PageAsync(line, "?sort=newest"));
        var oldest = ReferencesIn(await PageAsync(line, "?sort=oldest"));
        var deadline = ReferencesIn(await PageAsync(line, "?sort=deadline"));
        var attention = ReferencesIn(await PageAsync(line));

        string[] R(params int[] i) => i.Select(n => cases[n].Reference).ToArray();
        Assert.Equal(R(0, 1, 3, 4, 2), newest);
        Assert.Equal(R(2, 4, 3, 1, 0), oldest);
        Assert.Equal(R(2, 4, 3, 1, 0), deadline);
        Assert.Equal(cases[2].Reference, attention[0]);
    }

    [Fact]
    public async Task Fifty_cases_a_page_with_a_pager_that_keeps_the_filter()
    {
        var line = await FreshMechanism.CreateAsync(app);
        var first = (await line.FileAsync("BD", "Other")).Case;
        await app.WithDbAsync(async db =>
        {
            // 51 more cases like the first, written directly: filing each through the hotline would hash 51 receipt codes.
            for (var i = 0; i < 51; i++)
            {
                var id = Guid.NewGuid();
                db.Add(new GrievanceCase
                {
                    Id = id, MechanismId = first.MechanismId, FacilityId = first.FacilityId, Reference = "GR-" + Web.Platform.Crypto.Secrets.Readable(8),
                    ReceiptHash = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray(), SubmissionHash = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray(),
                    Category = GrievanceCategory.Other, Status = CaseStatus.Received, Anonymous = true, Language = "en", ReceivedOn = first.ReceivedOn,
                    AcknowledgeBy = first.AcknowledgeBy, FeedbackBy = first.FeedbackBy, WrappedKey = first.WrappedKey, Report = first.Report,
                });
                db.Add(new CaseParty { CaseId = id, OrganisationId = line.Organisation.Id, Role = PartyRole.Supplier });
            }

            return await db.SaveChangesAsync();
        });

        var one = await PageAsync(line, "?country=BD&category=Other");
        var two = await PageAsync(line, "?country=BD&category=Other&page=2");

        Assert.Contains("Showing 1–50 of 52", one, StringComparison.Ordinal);
        Assert.Equal(50, ReferencesIn(one).Count);
        Assert.Matches("href=\"[^\"]*country=BD&amp;category=Other&amp;page=2\" rel=\"next\"", one);
        Assert.Contains("Showing 51–52 of 52", two, StringComparison.Ordinal);
        Assert.Equal(2, ReferencesIn(two).Count);
        Assert.Empty(ReferencesIn(one).Intersect(ReferencesIn(two)));
    }

    [Fact]
    public async Task A_bad_filter_value_is_a_message_beside_the_form_not_an_error_page()
    {
        var (line, cases) = await FiveCasesAsync();

        var html = await PageAsync(line, "?status=Lost&overdue=perhaps");

        Assert.Contains("id=\"filter-error\"", html, StringComparison.Ordinal);
        Assert.Contains("yes or no", html, StringComparison.Ordinal);
        Assert.DoesNotContain(cases[0].Reference, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("category=Gossip", "category")]
    [InlineData("country=Atlantis", "country")]
    [InlineData("overdue=perhaps", "overdue")]
    [InlineData("urgent=very", "urgent")]
    [InlineData("sort=loudest", "sort")]
    public async Task A_bad_filter_value_on_the_export_is_a_field_level_problem(string query, string field)
    {
        var line = await FreshMechanism.CreateAsync(app);

        var response = await line.Api.GetAsync($"/api/organisations/{line.Organisation.Id}/grievances.csv?{query}");

        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field));
    }

    [Fact]
    public async Task The_export_is_the_filtered_set_whole_and_carries_nothing_of_the_report_or_the_reporter()
    {
        var (line, cases) = await FiveCasesAsync();
        var secret = $"Rahima {Guid.NewGuid():N}";
        var named = (await line.FileAsync("BD", "WagesAndPayment", reporter: new
        {
            submissionId = Guid.NewGuid(), category = "WagesAndPayment", text = $"Report text {secret}", anonymous = false, name = secret, contact = secret,
            identityVisibleTo = "Supplier", gender = "Woman",
        })).Case;

        var csv = await line.Api.GetStringAsync($"/api/organisations/{line.Organisation.Id}/grievances.csv?country=BD&sort=oldest&page=2");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(string.Join(",", CaseExport.Columns), lines[0]);
        Assert.Equal(5, lines.Count);
        Assert.StartsWith(cases[2].Reference + ",HealthAndSafety,Received,no,", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith(named.Reference, StringComparison.Ordinal));
        Assert.Contains(",BD,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Rahima", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Woman", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(cases[3].Reference, csv, StringComparison.Ordinal);
        Assert.Contains("grievances.csv?country=BD&amp;sort=oldest", await PageAsync(line, "?country=BD&sort=oldest&page=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_or_a_competitor_searching_for_the_cases_finds_nothing()
    {
        var (line, cases) = await FiveCasesAsync();
        var competitor = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var member = await app.NewMemberAsync(competitor.Name, MemberRole.Owner);
        var (brand, brandOrganisation) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);

        var page = await (await app.SignedInAsync(member.Email, TestMember.Password)).GetStringAsync($"/o/{competitor.Id}/grievances?q={cases[0].Reference}");
        var competitorCsv = await (await app.ClientForAsync(member)).GetStringAsync($"/api/organisations/{competitor.Id}/grievances.csv?q={line.Word}");
        var brandCsv = await brand.GetStringAsync($"/api/organisations/{brandOrganisation.Id}/grievances.csv");
        var intoTheirs = await brand.GetAsync($"/api/organisations/{line.Organisation.Id}/grievances.csv");

        // The search words echo in the form; no case row links to it.
        Assert.DoesNotContain($">{cases[0].Reference}</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cases\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"no-cases\"", page, StringComparison.Ordinal);
        Assert.Single(competitorCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Single(brandCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(intoTheirs.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

public sealed class CaseListSpecsOnSqlite(SqliteApp app) : CaseListSpecs(app);

public sealed class CaseListSpecsOnPostgres(PostgresApp app) : CaseListSpecs(app);
