using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Assessments;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.Assessments;

/// <summary>
/// The questionnaires a brand sent and a supplier is asked to answer, at the scale of a whole chain: searched, filtered,
/// sorted and paged on the server, each list with its own query values, and exported as filtered.
/// </summary>
public abstract class AssignmentFilterSpecs(TestApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static readonly Guid FoaForm = QuestionnaireLibrary.Starters[0].Id;

    private static readonly Guid InterviewForm = QuestionnaireLibrary.Starters[1].Id;

    private sealed record Portfolio(Organisation Brand, HttpClient BrandBrowser, HttpClient BrandApi, Organisation Supplier, HttpClient SupplierBrowser, HttpClient SupplierApi, string Word)
    {
        public string BrandPage => $"/o/{Brand.Id}/assessments";

        public string BrandBase => $"/api/organisations/{Brand.Id}";
    }

    /// <summary>
    /// A brand that sent the FoA questionnaire to 55 Bangladeshi facilities (due in 1–55 days) and to three Vietnamese
    /// ones whose deadline passed, and the interview form to two Vietnamese facilities that answered it.
    /// </summary>
    private async Task<Portfolio> PortfolioAsync()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var word = "Asg" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var sentAt = TimeProvider.System.GetUtcNow().AddDays(-60);
            void Send(string name, string country, Guid questionnaire, DateOnly due, bool submitted)
            {
                var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"{word} {name}", Address = "Road 1", CountryCode = country, CreatedAt = DateTimeOffset.UnixEpoch };
                db.AddRange(facility, new Assignment
                {
                    QuestionnaireId = questionnaire, AssignedByOrganisationId = brand.Id, FacilityId = facility.Id, RespondentOrganisationId = supplier.Id, DueOn = due,
                    AssignedAt = sentAt = sentAt.AddHours(1), SubmittedAt = submitted ? TimeProvider.System.GetUtcNow().AddDays(-1) : null,
                });
            }

            for (var n = 1; n <= 55; n++)
            {
                Send($"Dhaka-{n:00}", "BD", FoaForm, Today.AddDays(n), submitted: false);
            }

            for (var n = 1; n <= 3; n++)
            {
                Send($"Hanoi late {n}", "VN", FoaForm, Today.AddDays(-n), submitted: false);
            }

            Send("Hanoi answered 1", "VN", InterviewForm, Today.AddDays(-5), submitted: true);
            Send("Hanoi answered 2", "VN", InterviewForm, Today.AddDays(-4), submitted: true);
            await db.SaveChangesAsync();
            return 0;
        });
        var brandMember = await app.NewMemberAsync(brand.Name, MemberRole.Viewer);
        var supplierMember = await app.NewMemberAsync(supplier.Name, MemberRole.Viewer);
        return new(brand, await app.SignedInAsync(brandMember.Email, TestMember.Password), await app.ClientForAsync(brandMember),
            supplier, await app.SignedInAsync(supplierMember.Email, TestMember.Password), await app.ClientForAsync(supplierMember), word);
    }

    [Fact]
    public async Task The_sent_list_shows_fifty_a_page_with_the_total_what_is_late_first_and_what_was_answered_last()
    {
        var p = await PortfolioAsync();

        var first = await p.BrandBrowser.GetStringAsync(p.BrandPage);
        var second = await p.BrandBrowser.GetStringAsync($"{p.BrandPage}?sent-page=2");

        Assert.Contains("Showing 1–50 of 60", first, StringComparison.Ordinal);
        Assert.Contains("sent-page=2", first, StringComparison.Ordinal);
        Assert.Equal(50, ListPages.Rows(first, "sent"));
        Assert.Equal(10, ListPages.Rows(second, "sent"));
        Assert.True(first.IndexOf($"{p.Word} Hanoi late 3", StringComparison.Ordinal) < first.IndexOf($"{p.Word} Dhaka-01", StringComparison.Ordinal));
        Assert.Contains($"{p.Word} Hanoi answered 2", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Hanoi answered", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_status_country_and_questionnaire_keeps_only_those_with_their_labels()
    {
        var p = await PortfolioAsync();

        var late = await p.BrandBrowser.GetStringAsync($"{p.BrandPage}?sent-status=overdue&sent-country=VN");
        var interview = await p.BrandBrowser.GetStringAsync($"{p.BrandPage}?sent-questionnaire={InterviewForm}");
        var found = await p.BrandBrowser.GetStringAsync($"{p.BrandPage}?sent-q=dhaka-07");

        Assert.Contains("Showing 1–3 of 3", late, StringComparison.Ordinal);
        Assert.Equal(3, ListPages.Rows(late, "sent"));
        Assert.DoesNotContain($"{p.Word} Dhaka", late, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Status\">Overdue", late, StringComparison.Ordinal);
        Assert.Contains("assignments.csv?status=overdue&amp;country=VN&amp;direction=sent", late, StringComparison.Ordinal);
        Assert.Equal(2, ListPages.Rows(interview, "sent"));
        Assert.Contains("Submitted", interview, StringComparison.Ordinal);
        Assert.Equal(1, ListPages.Rows(found, "sent"));
        Assert.Contains($"{p.Word} Dhaka-07", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_supplier_filters_what_it_is_asked_to_answer_and_sorts_it_by_facility()
    {
        var p = await PortfolioAsync();

        var answered = await p.SupplierBrowser.GetStringAsync($"/o/{p.Supplier.Id}/assessments?received-status=submitted");
        var byFacility = await p.SupplierBrowser.GetStringAsync($"/o/{p.Supplier.Id}/assessments?received-sort=facility&received-page=2");
        var csv = ListPages.Lines(await p.SupplierApi.GetStringAsync($"/api/organisations/{p.Supplier.Id}/assignments.csv?direction=received&country=VN"));

        Assert.Equal(2, ListPages.Rows(answered, "received"));
        Assert.Contains($"{p.Word} Hanoi answered 1", answered, StringComparison.Ordinal);
        Assert.Contains("Showing 51–60 of 60", byFacility, StringComparison.Ordinal);
        Assert.Contains($"{p.Word} Hanoi late 3", byFacility, StringComparison.Ordinal);
        Assert.Equal(6, csv.Length);
        Assert.StartsWith("questionnaire,facility,country,respondent,sent_by", csv[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_list_takes_the_same_filter_and_its_total_counts_what_it_keeps()
    {
        var p = await PortfolioAsync();

        var all = await p.BrandApi.GetAsync($"{p.BrandBase}/assignments?direction=sent&limit=5");
        var late = await p.BrandApi.GetAsync($"{p.BrandBase}/assignments?direction=sent&status=overdue&country=VN&limit=100");
        var refused = await (await p.BrandApi.GetAsync($"{p.BrandBase}/assignments?direction=sent&status=late")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("60", all.Headers.GetValues("X-Total-Count").Single());
        var kept = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(kept.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture), late.Headers.GetValues("X-Total-Count").Single());
        Assert.True(kept.GetArrayLength() > 0);
        Assert.All(kept.EnumerateArray(), a => Assert.Equal("overdue", a.GetProperty("status").GetString(), ignoreCase: true));
        Assert.True(refused.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task The_exports_are_the_filtered_sets_whole()
    {
        var p = await PortfolioAsync();

        var all = ListPages.Lines(await p.BrandApi.GetStringAsync($"{p.BrandBase}/assignments.csv?direction=sent"));
        var late = ListPages.Lines(await p.BrandApi.GetStringAsync($"{p.BrandBase}/assignments.csv?direction=sent&status=overdue&sent-page=2"));
        var xlsx = await p.BrandApi.GetAsync($"{p.BrandBase}/assignments.xlsx?direction=sent&country=BD");
        var received = ListPages.Lines(await p.BrandApi.GetStringAsync($"{p.BrandBase}/assignments.csv"));

        Assert.Equal(61, all.Length);
        Assert.Equal(4, late.Length);
        Assert.All(late.Skip(1), l => Assert.Contains(",overdue,", l, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = Web.Platform.Files.Xlsx.ReadSheets(await xlsx.Content.ReadAsByteArrayAsync(), 1000);
        Assert.Equal(56, sheet["Assignments"].Count);
        Assert.Single(received);
    }

    [Theory]
    [InlineData("status=late", "status")]
    [InlineData("questionnaire=the-big-one", "questionnaire")]
    [InlineData("sort=size", "sort")]
    [InlineData("country=Atlantis", "country")]
    public async Task A_bad_export_filter_is_a_field_level_problem(string query, string field)
    {
        var p = await PortfolioAsync();

        var problem = await (await p.BrandApi.GetAsync($"{p.BrandBase}/assignments.csv?direction=sent&{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_bad_filter_value_is_a_message_beside_its_list_and_the_other_list_is_untouched()
    {
        var p = await PortfolioAsync();

        var response = await p.SupplierBrowser.GetAsync($"/o/{p.Supplier.Id}/assessments?received-status=maybe");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"received-filter-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Dhaka-01", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_competitors_search_and_export_find_none_of_the_brands_questionnaires()
    {
        var p = await PortfolioAsync();
        var stranger = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var member = await app.NewMemberAsync(stranger.Name, MemberRole.Owner);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);
        var api = await app.ClientForAsync(member);

        var html = await browser.GetStringAsync($"/o/{stranger.Id}/assessments?sent-q={p.Word}");
        var csv = ListPages.Lines(await api.GetStringAsync($"/api/organisations/{stranger.Id}/assignments.csv?direction=sent&q={p.Word}"));
        var theirs = await api.GetAsync($"{p.BrandBase}/assignments.csv?direction=sent");

        Assert.Contains("id=\"sent-none\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Dhaka", html, StringComparison.Ordinal);
        Assert.Single(csv);
        Assert.Contains(theirs.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }
}

public sealed class AssignmentFilterSpecsOnSqlite(SqliteApp app) : AssignmentFilterSpecs(app);

public sealed class AssignmentFilterSpecsOnPostgres(PostgresApp app) : AssignmentFilterSpecs(app);
