using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Tests.Accountability;

/// <summary>An invoice list uploaded again, or saved again with invoices added, records each invoice once.</summary>
public abstract class InvoiceReimportSpecs(TestApp app)
{
    private static string Day(int daysAgo) => AccountabilityWorld.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> ImportAsync(Party brand, string fileName, byte[] bytes) =>
        brand.Client.PostAsync($"{brand.Api}/payments/import", new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } });

    private static Task<HttpResponseMessage> ImportAsync(Party brand, string csv) => ImportAsync(brand, "invoices.csv", System.Text.Encoding.UTF8.GetBytes(csv));

    private static async Task<List<PaymentDto>> ListedAsync(Party brand) =>
        (await brand.Client.GetFromJsonAsync<List<PaymentDto>>($"{brand.Api}/payments", Http.Json))!;

    [Fact]
    public async Task The_same_invoice_list_uploaded_twice_records_nothing_the_second_time_and_says_every_row_is_already_recorded()
    {
        var world = await AccountabilityWorld.CreateAsync(app, suppliers: 2);
        var (first, second) = (world.Suppliers[0].Organisation.Name, world.Suppliers[1].Organisation.Name);
        var csv = $"counterpart,invoice,order,amount,currency,terms_days,invoice_date,paid_date\n{first},INV-2041,PO-88,1200,USD,60,{Day(70)},{Day(20)}\n{second},B-17,,800.50,EUR,30,{Day(40)},\n";

        var once = await (await ImportAsync(world.Brand, csv)).ReadAsync<PaymentImportReport>();
        var twice = await ImportAsync(world.Brand, csv);

        Assert.Equal((2, 0), (once.Imported, once.AlreadyRecorded));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var report = await twice.ReadAsync<PaymentImportReport>();
        Assert.Equal((2, 0, 2), (report.Rows, report.Imported, report.AlreadyRecorded));
        Assert.Equal([2, 3], report.AlreadyRecordedRows);
        Assert.Empty(report.Problems);
        Assert.Equal(["B-17", "INV-2041"], (await ListedAsync(world.Brand)).Select(p => p.InvoiceReference).Order());
    }

    [Fact]
    public async Task A_workbook_saved_again_with_an_invoice_added_records_only_that_invoice_and_1200_reads_as_1200_00()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var supplier = world.Suppliers[0].Organisation.Name;
        var header = PaymentTermsService.ImportColumns;
        var april = Xlsx.Write("Invoices", header, [[supplier, "INV-1", "PO-1", 1200, "USD", 60, Day(50), null]]);
        var aprilAndMay = Xlsx.Write("Invoices", header,
        [
            [supplier, "INV-1", "PO-1", "1200.00", "usd", 60, Day(50), null],
            [supplier, "INV-2", "PO-2", 450, "USD", 60, Day(10), null],
        ]);

        var first = await (await ImportAsync(world.Brand, "invoices.xlsx", april)).ReadAsync<PaymentImportReport>();
        var second = await (await ImportAsync(world.Brand, "invoices.xlsx", aprilAndMay)).ReadAsync<PaymentImportReport>();

        Assert.Equal(1, first.Imported);
        Assert.Equal((1, 1), (second.Imported, second.AlreadyRecorded));
        Assert.Equal([2], second.AlreadyRecordedRows);
        var listed = await ListedAsync(world.Brand);
        Assert.Equal(["INV-1", "INV-2"], listed.Select(p => p.InvoiceReference).Order());
        Assert.Equal(1200m, listed.Single(p => p.InvoiceReference == "INV-1").Amount);
    }

    [Fact]
    public async Task An_invoice_recorded_with_other_details_is_a_problem_by_row_and_the_file_is_not_recorded()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var supplier = world.Suppliers[0].Organisation.Name;
        var original = await ImportAsync(world.Brand, $"counterpart,invoice,amount,currency,terms_days,invoice_date\n{supplier},INV-9,1200,USD,60,{Day(30)}\n");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);

        var changed = await ImportAsync(world.Brand, $"counterpart,invoice,amount,currency,terms_days,invoice_date\n{supplier},INV-10,300,USD,60,{Day(5)}\n{supplier},INV-9,1300,USD,60,{Day(30)}\n");

        Assert.Equal(HttpStatusCode.UnprocessableContent, changed.StatusCode);
        var report = (await changed.Content.ReadFromJsonAsync<PaymentImportReport>(Http.Json))!;
        var problem = Assert.Single(report.Problems);
        Assert.Equal((3, "invoice"), (problem.Row, problem.Column));
        Assert.Contains("1200.00 USD", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["INV-9"], (await ListedAsync(world.Brand)).Select(p => p.InvoiceReference));
    }

    [Fact]
    public async Task Two_uploads_of_the_same_invoice_list_at_the_same_moment_record_it_once()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var supplier = world.Suppliers[0].Organisation.Name;
        var csv = System.Text.Encoding.UTF8.GetBytes($"counterpart,invoice,amount,currency,terms_days,invoice_date\n{supplier},C-1,100,USD,30,{Day(9)}\n{supplier},C-2,200,USD,30,{Day(8)}\n");

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ImportAsync(world.Brand, "invoices.csv", csv)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var imported = 0;
        foreach (var ok in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            imported += (await ok.ReadAsync<PaymentImportReport>()).Imported;
        }

        Assert.Equal(2, imported);
        Assert.Equal(["C-1", "C-2"], (await ListedAsync(world.Brand)).Select(p => p.InvoiceReference).Order());
    }
}

public sealed class InvoiceReimportSpecsOnSqlite(SqliteApp app) : InvoiceReimportSpecs(app);

public sealed class InvoiceReimportSpecsOnPostgres(PostgresApp app) : InvoiceReimportSpecs(app);
