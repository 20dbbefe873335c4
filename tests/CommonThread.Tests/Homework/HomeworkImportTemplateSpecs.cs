using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Tests.Homework;

public abstract class HomeworkImportTemplateSpecs(TestApp app)
{
    private static MultipartFormDataContent File(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };

    private static List<string[]> ReadCsv(byte[] bytes) => Csv.Read(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));

    [Fact]
    public async Task The_homeworker_template_has_every_column_the_import_reads_a_help_sheet_and_an_example_row_that_imports()
    {
        var world = await HomeworkWorld.CreateAsync(app);

        var sheets = Xlsx.ReadSheets(await world.Supplier.GetByteArrayAsync($"{world.Api}/homeworkers/import/template.xlsx"), 1000);
        var csvBytes = await world.Supplier.GetByteArrayAsync($"{world.Api}/homeworkers/import/template.csv");
        var csv = ReadCsv(csvBytes);
        var report = await (await world.Supplier.PostAsync($"{world.Api}/homeworkers/import", File("homeworkers-template.csv", csvBytes))).ReadAsync<HomeworkImportReport>();

        Assert.Equal(["Homeworkers", "Help"], sheets.Keys);
        Assert.Equal(HomeworkImport.HomeworkerColumns, sheets["Homeworkers"][0]);
        Assert.Equal(HomeworkImport.HomeworkerColumns, csv[0]);
        Assert.Equal(2, csv.Count);
        Assert.Equal(HomeworkImport.HomeworkerColumns, sheets["Help"].Skip(1).Select(r => r[0]));
        Assert.Contains(sheets["Help"], r => r[0] == "gender" && r[1] == "yes" && r[2].Contains("Woman", StringComparison.Ordinal));
        Assert.Equal((1, 1), (report.Rows, report.Imported));
    }

    [Fact]
    public async Task The_payments_template_has_the_columns_the_import_reads_and_its_row_imports_once_the_order_is_filled_in()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Template Payee");
        var order = (await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id))).Order;
        var today = HomeworkWorld.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/returns", new { returnedOn = today, accepted = 100 });

        var sheets = Xlsx.ReadSheets(await world.Supplier.GetByteArrayAsync($"{world.Api}/homework-payments/import/template.xlsx"), 1000);
        var csv = ReadCsv(await world.Supplier.GetByteArrayAsync($"{world.Api}/homework-payments/import/template.csv"));
        var row = csv[1].ToArray();
        row[Array.IndexOf(csv[0], "work_order")] = order.Id.ToString();
        row[Array.IndexOf(csv[0], "amount")] = "100";
        row[Array.IndexOf(csv[0], "paid_on")] = today;
        var filled = Csv.File(csv[0], [row]);
        var report = await (await world.Supplier.PostAsync($"{world.Api}/homework-payments/import", File("payments.csv", filled))).ReadAsync<HomeworkImportReport>();

        Assert.Equal(["Payments", "Help"], sheets.Keys);
        Assert.Equal(HomeworkImport.PaymentColumns, sheets["Payments"][0]);
        Assert.Equal(HomeworkImport.PaymentColumns, csv[0]);
        Assert.Equal(1, report.Imported);
    }
}

public sealed class HomeworkImportTemplateSpecsOnSqlite(SqliteApp app) : HomeworkImportTemplateSpecs(app);

public sealed class HomeworkImportTemplateSpecsOnPostgres(PostgresApp app) : HomeworkImportTemplateSpecs(app);
