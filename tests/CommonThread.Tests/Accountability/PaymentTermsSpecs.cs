using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;

namespace CommonThread.Tests.Accountability;

/// <summary>Days to pay against agreed terms, per brand; what suppliers report reaches the brand only pooled.</summary>
public abstract class PaymentTermsSpecs(TestApp app)
{
    private static object Invoice(Guid counterpart, string number, int daysAgo, int terms, int? paidAfter) => new
    {
        counterpartOrganisationId = counterpart, invoiceReference = number, amount = 12500.50m, currency = "usd", agreedTermsDays = terms,
        invoiceDate = AccountabilityWorld.Today.AddDays(-daysAgo), paidDate = paidAfter is { } after ? AccountabilityWorld.Today.AddDays(-daysAgo + after) : (DateOnly?)null,
    };

    [Fact]
    public async Task A_brands_own_records_show_days_to_pay_against_terms_and_the_on_time_share()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 1);
        var supplier = world.Suppliers[0].Organisation.Id;
        await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/payments", Invoice(supplier, "INV-1", 100, 60, 45))).ReadAsync<PaymentDto>();
        var late = await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/payments", Invoice(supplier, "INV-2", 100, 60, 75))).ReadAsync<PaymentDto>();
        Assert.True(late.Late);
        Assert.Equal(75, late.DaysToPay);
        var unpaid = await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/payments", Invoice(supplier, "INV-3", 90, 30, null))).ReadAsync<PaymentDto>();
        Assert.Equal("USD", unpaid.Currency);

        var terms = (await world.Brand.Client.GetFromJsonAsync<PaymentTermsOverviewDto>($"{world.Brand.Api}/payment-terms", Http.Json))!.Brand!;
        Assert.Equal(3, terms.BrandRecorded.Invoices);
        Assert.Equal(60, terms.BrandRecorded.AverageDaysToPay);
        Assert.Equal(Math.Round(100.0 / 3, 1), terms.BrandRecorded.OnTimeShare);
        Assert.Equal(1, terms.BrandRecorded.OverdueUnpaid);
        Assert.Null(terms.SupplierReported);

        var paid = await (await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/payments/{unpaid.Id}", new { paidDate = AccountabilityWorld.Today })).ReadAsync<PaymentDto>();
        Assert.Equal(90, paid.DaysToPay);
        await (await world.Brand.Client.PostAsJsonAsync($"{world.Brand.Api}/payments", Invoice(supplier, "INV-1", 100, 60, 45))).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Supplier_reports_reach_the_brand_pooled_only_from_five_suppliers_and_bad_records_are_refused_field_by_field()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 5);
        foreach (var supplier in world.Suppliers.Take(4))
        {
            await (await supplier.Client.PostAsJsonAsync($"{supplier.Api}/payments", Invoice(world.Brand.Organisation.Id, "S-1", 50, 30, 40))).ReadAsync<PaymentDto>();
        }

        var fourSuppliers = (await world.Brand.Client.GetFromJsonAsync<PaymentTermsOverviewDto>($"{world.Brand.Api}/payment-terms", Http.Json))!.Brand!;
        Assert.Null(fourSuppliers.SupplierReported);
        Assert.Empty(fourSuppliers.SupplierMonths);

        var fifth = world.Suppliers[4];
        await (await fifth.Client.PostAsJsonAsync($"{fifth.Api}/payments", Invoice(world.Brand.Organisation.Id, "S-1", 50, 30, 20))).ReadAsync<PaymentDto>();
        var pooled = (await world.Brand.Client.GetFromJsonAsync<PaymentTermsOverviewDto>($"{world.Brand.Api}/payment-terms", Http.Json))!.Brand!;
        Assert.Equal(5, pooled.SupplierReported!.Invoices);
        Assert.Equal(36, pooled.SupplierReported.AverageDaysToPay);
        Assert.Equal(20, pooled.SupplierReported.OnTimeShare);
        Assert.Empty((await world.Brand.Client.GetFromJsonAsync<List<PaymentDto>>($"{world.Brand.Api}/payments", Http.Json))!);

        // One supplier's invoice in a month no other supplier reported stays out of the total too: subtracting would find it.
        await (await fifth.Client.PostAsJsonAsync($"{fifth.Api}/payments", Invoice(world.Brand.Organisation.Id, "S-2", 200, 30, 100))).ReadAsync<PaymentDto>();
        var lone = (await world.Brand.Client.GetFromJsonAsync<PaymentTermsOverviewDto>($"{world.Brand.Api}/payment-terms", Http.Json))!.Brand!;
        Assert.Equal(5, lone.SupplierReported!.Invoices);
        Assert.Single(lone.SupplierMonths);
        var ownView = (await fifth.Client.GetFromJsonAsync<PaymentTermsOverviewDto>($"{fifth.Api}/payment-terms", Http.Json))!;
        Assert.Equal(50, Assert.Single(ownView.ByBrand).Stats.OnTimeShare);

        var stranger = await AccountabilityWorld.CreateAsync(app);
        var bad = await fifth.Client.PostAsJsonAsync($"{fifth.Api}/payments", new
        {
            counterpartOrganisationId = stranger.Brand.Organisation.Id, invoiceReference = "", amount = -1, currency = "dollars", agreedTermsDays = 400,
            invoiceDate = AccountabilityWorld.Today.AddDays(3),
        });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.All(new[] { "counterpartOrganisationId", "invoiceReference", "amount", "currency", "agreedTermsDays", "invoiceDate" }, f => Assert.NotEmpty(problem.FieldErrors(f)));
        await (await world.Union.Client.PostAsJsonAsync($"{world.Union.Api}/payments", new { })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_brand_imports_invoices_from_a_file_all_or_none_with_problems_by_row_and_column()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 2);
        var (first, second) = (world.Suppliers[0].Organisation.Name, world.Suppliers[1].Organisation.Name);
        var day = AccountabilityWorld.Today.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<HttpResponseMessage> Import(string csv) => await world.Brand.Client.PostAsync($"{world.Brand.Api}/payments/import",
            new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "invoices.csv" } });

        var bad = await Import($"counterpart,invoice,order,amount,currency,terms_days,invoice_date,paid_date\n{first},A-1,PO-1,1200,USD,60,{day},\nNobody Ltd,A-2,,1200,USD,60,{day},\n{second},A-3,,-4,USD,400,{day},\n{first},A-1,,5,USD,60,{day},\n");
        Assert.Equal(HttpStatusCode.UnprocessableContent, bad.StatusCode);
        var report = await bad.Content.ReadFromJsonAsync<PaymentImportReport>(Http.Json);
        Assert.Equal([(3, "counterpart"), (4, "amount"), (4, "terms_days"), (5, "invoice")], report!.Problems.Select(p => (p.Row, p.Column)).OrderBy(p => p.Row).ThenBy(p => p.Column));
        Assert.Empty((await world.Brand.Client.GetFromJsonAsync<List<PaymentDto>>($"{world.Brand.Api}/payments", Http.Json))!);

        var good = await (await Import($"counterpart,invoice,amount,currency,terms_days,invoice_date,paid_date\n{first},A-1,1200,USD,60,{day},\n{second.ToUpperInvariant()},B-1,800.50,eur,30,{day},{day}\n"))
            .ReadAsync<PaymentImportReport>();
        Assert.Equal(2, good.Imported);
        var listed = (await world.Brand.Client.GetFromJsonAsync<List<PaymentDto>>($"{world.Brand.Api}/payments", Http.Json))!;
        Assert.Equal(["A-1", "B-1"], listed.Select(p => p.InvoiceReference).Order());
        Assert.Equal(0, listed.Single(p => p.InvoiceReference == "B-1").DaysToPay);
    }
}

public sealed class PaymentTermsSpecsOnSqlite(SqliteApp app) : PaymentTermsSpecs(app);

public sealed class PaymentTermsSpecsOnPostgres(PostgresApp app) : PaymentTermsSpecs(app);
