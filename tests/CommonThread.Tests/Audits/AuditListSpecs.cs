using System.Net;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Audits;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.Audits;

/// <summary>The plans and audits lists at scale: searched, filtered, sorted and paged on the server, each with its own page number, and exported as filtered.</summary>
public abstract class AuditListSpecs(TestApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private sealed record Portfolio(Organisation Brand, HttpClient Browser, HttpClient Api, string Word)
    {
        public string Page => $"/o/{Brand.Id}/corrective-plans";

        public string ApiBase => $"/api/organisations/{Brand.Id}";
    }

    /// <summary>
    /// A brand following 55 open plans at a Bangladeshi facility (due in 1–55 days), three overdue and two closed
    /// plans at a Vietnamese one, and two audits (a critical FoA finding in BD, a minor wage finding in VN).
    /// </summary>
    private async Task<Portfolio> PortfolioAsync()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var word = "Cap" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var bd = new Facility { OperatorOrganisationId = supplier.Id, Name = $"{word} Dhaka unit", Address = "Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            var vn = new Facility { OperatorOrganisationId = supplier.Id, Name = $"{word} Hanoi unit", Address = "Hanoi", CountryCode = "VN", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(bd, vn);
            var created = TimeProvider.System.GetUtcNow().AddDays(-100);
            void Plan(Facility facility, string title, DateOnly due, ActionStatus status)
            {
                var plan = new CorrectiveActionPlan { FacilityId = facility.Id, SupplierOrganisationId = supplier.Id, FollowedByOrganisationId = brand.Id, Title = title, CreatedAt = created = created.AddHours(1) };
                db.AddRange(plan, new CorrectiveAction { PlanId = plan.Id, Category = FindingCategory.Wages, Description = title.EndsWith(" 07", StringComparison.Ordinal) ? "Fire exits blocked" : $"Finding of {title}", Owner = "HR", DueOn = due, Status = status });
            }

            for (var n = 1; n <= 55; n++)
            {
                Plan(bd, $"{word} Plan {n:00}", Today.AddDays(n), ActionStatus.Open);
            }

            for (var n = 1; n <= 3; n++)
            {
                Plan(vn, $"{word} Late {n}", Today.AddDays(-n), ActionStatus.InProgress);
            }

            Plan(vn, $"{word} Closed 1", Today.AddDays(-30), ActionStatus.Done);
            Plan(vn, $"{word} Closed 2", Today.AddDays(-20), ActionStatus.Done);
            foreach (var (facility, finding, severity, category, ended) in new[]
            {
                (bd, "Exit locked", Severity.Critical, FindingCategory.FreedomOfAssociation, Today.AddDays(-3)),
                (vn, "Payslips missing", Severity.Minor, FindingCategory.Wages, Today.AddDays(-40)),
            })
            {
                var audit = new Audit { FacilityId = facility.Id, RecordedByOrganisationId = brand.Id, Standard = "SA8000", Auditor = $"{word} Auditors", StartedOn = ended.AddDays(-2), EndedOn = ended, RecordedAt = TimeProvider.System.GetUtcNow() };
                db.AddRange(audit, new NonConformity { AuditId = audit.Id, Finding = $"{word} {finding}", Severity = severity, Category = category });
            }

            await db.SaveChangesAsync();
            return 0;
        });
        var member = await app.NewMemberAsync(brand.Name, MemberRole.Viewer);
        return new(brand, await app.SignedInAsync(member.Email, TestMember.Password), await app.ClientForAsync(member), word);
    }

    [Fact]
    public async Task The_plans_list_shows_fifty_rows_a_page_with_the_total_and_its_own_page_number()
    {
        var p = await PortfolioAsync();

        var first = await p.Browser.GetStringAsync(p.Page);
        var second = await p.Browser.GetStringAsync($"{p.Page}?plansPage=2");

        Assert.Contains("Showing 1–50 of 60", first, StringComparison.Ordinal);
        Assert.Contains("plansPage=2", first, StringComparison.Ordinal);
        Assert.Contains("Showing 51–60 of 60", second, StringComparison.Ordinal);
        Assert.Equal(50, ListPages.Rows(first, "plans"));
        Assert.Equal(10, ListPages.Rows(second, "plans"));
        // The default order is by the next due date: overdue plans first, closed plans last.
        Assert.True(first.IndexOf($"{p.Word} Late 3", StringComparison.Ordinal) < first.IndexOf($"{p.Word} Plan 01", StringComparison.Ordinal));
        Assert.Contains($"{p.Word} Closed 2", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_plans_by_country_and_overdue_keeps_only_those_and_marks_them_with_a_label()
    {
        var p = await PortfolioAsync();

        var html = await p.Browser.GetStringAsync($"{p.Page}?country=VN&overdue=yes");

        Assert.Contains("Showing 1–3 of 3", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Plan 01", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Closed", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<span class=\"overdue\">").Length - 1);
        Assert.Contains($"corrective-plans.csv?overdue=yes&amp;country=VN", html, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Due on\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_are_found_by_a_word_of_their_findings_and_sorted_newest_first_on_request()
    {
        var p = await PortfolioAsync();

        var found = await p.Browser.GetStringAsync($"{p.Page}?q=fire+exits");
        var newest = await p.Browser.GetStringAsync($"{p.Page}?status=open&sort=newest");

        Assert.Contains("Showing 1–1 of 1", found, StringComparison.Ordinal);
        Assert.Contains($"{p.Word} Plan 07", found, StringComparison.Ordinal);
        Assert.Contains("Showing 1–50 of 58", newest, StringComparison.Ordinal);
        Assert.True(newest.IndexOf($"{p.Word} Late 3", StringComparison.Ordinal) < newest.IndexOf($"{p.Word} Plan 55", StringComparison.Ordinal));
        Assert.DoesNotContain($"{p.Word} Closed", newest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audits_list_filters_by_category_and_severity_on_its_own_keeping_the_plans_filter()
    {
        var p = await PortfolioAsync();

        var wages = await p.Browser.GetStringAsync($"{p.Page}?country=VN&category=Wages");
        var critical = await p.Browser.GetStringAsync($"{p.Page}?severity=critical&auditCountry=BD");

        Assert.Contains($"{p.Word} Payslips missing", wages, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Exit locked", wages, StringComparison.Ordinal);
        Assert.Contains("Showing 1–5 of 5", wages, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"country\" value=\"VN\"", wages, StringComparison.Ordinal);
        Assert.Contains($"{p.Word} Exit locked", critical, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Payslips missing", critical, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_value_is_a_message_beside_its_form_not_an_error_page()
    {
        var p = await PortfolioAsync();

        var response = await p.Browser.GetAsync($"{p.Page}?status=maybe&severity=huge");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"plan-filter-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"audit-filter-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Plan 01", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exports_are_the_filtered_sets_whole()
    {
        var p = await PortfolioAsync();

        var closed = ListPages.Lines(await p.Api.GetStringAsync($"{p.ApiBase}/corrective-plans.csv?status=closed&plansPage=2"));
        var all = ListPages.Lines(await p.Api.GetStringAsync($"{p.ApiBase}/corrective-plans.csv"));
        var critical = ListPages.Lines(await p.Api.GetStringAsync($"{p.ApiBase}/audits.csv?severity=Critical"));
        var xlsx = await p.Api.GetAsync($"{p.ApiBase}/audits.xlsx?country=VN");

        Assert.Equal(3, closed.Length);
        Assert.All(closed.Skip(1), l => Assert.Contains($"{p.Word} Closed", l, StringComparison.Ordinal));
        Assert.Equal(61, all.Length);
        Assert.Equal(2, critical.Length);
        Assert.Contains($"{p.Word} Dhaka unit", critical[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(Web.Platform.Files.Xlsx.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("corrective-plans.csv?overdue=perhaps", "overdue")]
    [InlineData("corrective-plans.csv?sort=size", "sort")]
    [InlineData("audits.csv?category=Weather", "category")]
    [InlineData("audits.xlsx?country=Atlantis", "country")]
    public async Task A_bad_export_filter_is_a_field_level_problem(string query, string field)
    {
        var p = await PortfolioAsync();

        var problem = await (await p.Api.GetAsync($"{p.ApiBase}/{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_strangers_search_finds_none_of_the_plans_or_audits()
    {
        var p = await PortfolioAsync();
        var stranger = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var member = await app.NewMemberAsync(stranger.Name, MemberRole.Owner);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);
        var api = await app.ClientForAsync(member);

        var html = await browser.GetStringAsync($"/o/{stranger.Id}/corrective-plans?q={p.Word}&auditQ={p.Word}");
        var csv = ListPages.Lines(await api.GetStringAsync($"/api/organisations/{stranger.Id}/corrective-plans.csv?q={p.Word}"));
        var audits = ListPages.Lines(await api.GetStringAsync($"/api/organisations/{stranger.Id}/audits.csv?q={p.Word}"));

        Assert.Contains("id=\"no-plans\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"no-audits\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{p.Word} Plan", html, StringComparison.Ordinal);
        Assert.Single(csv);
        Assert.Single(audits);
    }
}

public sealed class AuditListSpecsOnSqlite(SqliteApp app) : AuditListSpecs(app);

public sealed class AuditListSpecsOnPostgres(PostgresApp app) : AuditListSpecs(app);
