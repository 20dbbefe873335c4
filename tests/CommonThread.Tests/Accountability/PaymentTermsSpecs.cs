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
}

public sealed class PaymentTermsSpecsOnSqlite(SqliteApp app) : PaymentTermsSpecs(app);

public sealed class PaymentTermsSpecsOnPostgres(PostgresApp app) : PaymentTermsSpecs(app);
