using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Accountability;

/// <summary>
/// The invoices an organisation recorded, at the scale of years of trade: every one listed (none cut off), searched,
/// filtered by payment status and invoice dates, sorted and paged on the server, and exported as filtered.
/// </summary>
public abstract class PaymentListSpecs(TestApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private sealed record Ledger(Organisation Brand, HttpClient Browser, HttpClient Api, string Word)
    {
        public string Page => $"/o/{Brand.Id}/payment-terms";

        public string ApiBase => $"/api/organisations/{Brand.Id}";
    }

    /// <summary>
    /// A brand that recorded 1,060 invoices to one supplier on 60-day terms: 1,000 paid on time, 30 paid late,
    /// 20 unpaid and not yet due, 10 unpaid past their due date.
    /// </summary>
    private async Task<Ledger> LedgerAsync(MemberRole role = MemberRole.Viewer)
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var word = "Inv" + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            void Invoice(string number, DateOnly invoiced, int? paidAfterDays) => db.Add(new PaymentRecord
            {
                BrandOrganisationId = brand.Id, SupplierOrganisationId = supplier.Id, RecordedByOrganisationId = brand.Id, InvoiceReference = $"{word}-{number}",
                OrderReference = $"PO-{number}", Amount = 1000 + number.Length, Currency = "USD", AgreedTermsDays = 60, InvoiceDate = invoiced,
                PaidDate = paidAfterDays is { } days ? invoiced.AddDays(days) : null,
            });

            for (var n = 0; n < 1000; n++)
            {
                Invoice($"ON{n:0000}", Today.AddDays(-400 + n % 300), 30);
            }

            for (var n = 0; n < 30; n++)
            {
                Invoice($"LATE{n:00}", Today.AddDays(-200 - n), 90 + n);
            }

            for (var n = 0; n < 20; n++)
            {
                Invoice($"OPEN{n:00}", Today.AddDays(-n), null);
            }

            for (var n = 0; n < 10; n++)
            {
                Invoice($"DUE{n:00}", Today.AddDays(-70 - n), null);
            }

            await db.SaveChangesAsync();
            return 0;
        });
        var member = await app.NewMemberAsync(brand.Name, role);
        return new(brand, await app.SignedInAsync(member.Email, TestMember.Password), await app.ClientForAsync(member), word);
    }

    [Fact]
    public async Task Every_invoice_is_listed_fifty_a_page_with_the_total_and_the_api_says_the_same_total()
    {
        var l = await LedgerAsync();

        var first = await l.Browser.GetStringAsync(l.Page);
        var last = await l.Browser.GetStringAsync($"{l.Page}?page=22");
        var api = await l.Api.GetAsync($"{l.ApiBase}/payments?limit=10");

        Assert.Contains("Showing 1–50 of 1,060", first, StringComparison.Ordinal);
        Assert.Equal(50, ListPages.Rows(first, "payments"));
        Assert.Contains("Showing 1,051–1,060 of 1,060", last, StringComparison.Ordinal);
        Assert.Equal("1060", api.Headers.GetValues("X-Total-Count").Single());
        // Newest invoice first: today's unpaid one.
        Assert.Contains($"{l.Word}-OPEN00", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_status_dates_and_words_keeps_only_those()
    {
        var l = await LedgerAsync();

        var overdue = await l.Browser.GetStringAsync($"{l.Page}?status=overdue");
        var late = await l.Browser.GetStringAsync($"{l.Page}?status=paid-late&sort=days");
        var dated = await l.Browser.GetStringAsync($"{l.Page}?from={Today.AddDays(-5):yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        var found = await l.Browser.GetStringAsync($"{l.Page}?q=PO-LATE07");

        Assert.Contains("Showing 1–10 of 10", overdue, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 10), n => Assert.Contains($"{l.Word}-DUE{n:00}", overdue, StringComparison.Ordinal));
        Assert.Contains("payments.csv?status=overdue", overdue, StringComparison.Ordinal);
        Assert.Equal(30, ListPages.Rows(late, "payments"));
        Assert.True(late.IndexOf($"{l.Word}-LATE29", StringComparison.Ordinal) < late.IndexOf($"{l.Word}-LATE00", StringComparison.Ordinal));
        Assert.Equal(6, ListPages.Rows(dated, "payments"));
        Assert.Equal(1, ListPages.Rows(found, "payments"));
        Assert.Contains($"{l.Word}-LATE07", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exports_are_the_filtered_sets_whole()
    {
        var l = await LedgerAsync();

        var all = ListPages.Lines(await l.Api.GetStringAsync($"{l.ApiBase}/payments.csv?page=3"));
        var unpaid = ListPages.Lines(await l.Api.GetStringAsync($"{l.ApiBase}/payments.csv?status=unpaid"));
        var xlsx = await l.Api.GetAsync($"{l.ApiBase}/payments.xlsx?status=paid-late");

        Assert.Equal(1061, all.Length);
        Assert.Equal("brand,supplier,invoice,order,amount,currency,terms_days,invoice_date,due_date,paid_date,days_to_pay,late", all[0].TrimStart('\uFEFF'));
        Assert.Equal(31, unpaid.Length);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(31, Web.Platform.Files.Xlsx.ReadSheets(await xlsx.Content.ReadAsByteArrayAsync(), 2000)["Invoices"].Count);
    }

    [Fact]
    public async Task The_api_list_takes_the_same_filter_and_its_total_counts_what_it_keeps()
    {
        var l = await LedgerAsync();

        var overdue = await l.Api.GetAsync($"{l.ApiBase}/payments?status=overdue&limit=4");
        var found = await l.Api.GetFromJsonAsync<JsonElement>($"{l.ApiBase}/payments?q={l.Word}-LATE07");
        var refused = await (await l.Api.GetAsync($"{l.ApiBase}/payments?status=soon")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("10", overdue.Headers.GetValues("X-Total-Count").Single());
        var page = await overdue.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, page.GetArrayLength());
        Assert.All(page.EnumerateArray(), p => Assert.Contains("-DUE", p.GetProperty("invoiceReference").GetString(), StringComparison.Ordinal));
        Assert.Equal($"{l.Word}-LATE07", Assert.Single(found.EnumerateArray()).GetProperty("invoiceReference").GetString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Theory]
    [InlineData("status=soon", "status")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("sort=size", "sort")]
    public async Task A_bad_filter_is_a_field_level_problem_on_the_export_and_a_message_on_the_page(string query, string field)
    {
        var l = await LedgerAsync();

        var problem = await (await l.Api.GetAsync($"{l.ApiBase}/payments.csv?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
        var page = await l.Browser.GetAsync($"{l.Page}?{query}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"payment-filter-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_invoice_is_marked_paid_from_the_filtered_list()
    {
        var l = await LedgerAsync(MemberRole.Editor);
        var path = $"{l.Page}?status=overdue";
        var id = await app.WithDbAsync(db => Task.FromResult(db.Set<PaymentRecord>().Single(p => p.InvoiceReference == $"{l.Word}-DUE03").Id));

        var response = await l.Browser.PostFormAsync(path, $"paid-{id}", new() { ["PaidOn"] = Today.ToString("yyyy-MM-dd") });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Today, await app.WithDbAsync(db => Task.FromResult(db.Set<PaymentRecord>().Single(p => p.Id == id).PaidDate)));
        Assert.Contains("Showing 1–9 of 9", html, StringComparison.Ordinal);
    }
}

public sealed class PaymentListSpecsOnSqlite(SqliteApp app) : PaymentListSpecs(app);

public sealed class PaymentListSpecsOnPostgres(PostgresApp app) : PaymentListSpecs(app);
