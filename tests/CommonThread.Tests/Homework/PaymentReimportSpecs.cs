using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;
using CommonThread.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Homework;

/// <summary>A payments file uploaded again, or saved again with rows added, records each payment once.</summary>
public abstract class PaymentReimportSpecs(TestApp app)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static MultipartFormDataContent File(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };

    /// <summary>A homeworker with one order whose 100 accepted pieces are owed 180.00.</summary>
    private static async Task<(HomeworkWorld World, Guid Order)> OwedAsync(TestApp app)
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Reimport Homeworker");
        var order = (await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id))).Order;
        var returned = await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/returns", new { returnedOn = Day(HomeworkWorld.Today), accepted = 100 });
        Assert.True(returned.IsSuccessStatusCode);
        return (world, order.Id);
    }

    private Task<List<decimal>> PaymentsOfAsync(Guid order) =>
        app.WithDbAsync(db => db.Set<HomeworkPayment>().Where(p => p.WorkOrderId == order).Select(p => p.Amount).ToListAsync());

    private static async Task<decimal> PaidAsync(HomeworkWorld world, Guid order) =>
        (await world.Supplier.GetFromJsonAsync<List<WorkOrderDto>>($"{world.Api}/work-orders", Http.Json))!.Single(o => o.Id == order).Paid;

    [Fact]
    public async Task The_same_CSV_uploaded_twice_records_each_payment_once_and_the_second_report_says_every_row_is_already_recorded()
    {
        var (world, order) = await OwedAsync(app);
        var csv = Encoding.UTF8.GetBytes($"""
            work_order,amount,paid_on,method,paid_by,reference,reason
            {order},100,{Day(HomeworkWorld.Today)},MobileMoney,Savar agent,BK-7731,
            {order},50,{Day(HomeworkWorld.Today)},Cash,Savar agent,,
            """);

        var first = await (await world.Supplier.PostAsync($"{world.Api}/homework-payments/import", File("payments.csv", csv))).ReadAsync<HomeworkImportReport>();
        var again = await world.Supplier.PostAsync($"{world.Api}/homework-payments/import", File("payments.csv", csv));

        Assert.Equal((2, 0), (first.Imported, first.AlreadyRecorded));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var report = await again.ReadAsync<HomeworkImportReport>();
        Assert.Equal((2, 0, 2), (report.Rows, report.Imported, report.AlreadyRecorded));
        Assert.Equal([2, 3], report.AlreadyRecordedRows);
        Assert.Equal([50m, 100m], (await PaymentsOfAsync(order)).Order());
        Assert.Equal(150m, await PaidAsync(world, order));
    }

    [Fact]
    public async Task A_workbook_saved_again_with_a_row_added_records_only_the_new_row_whether_the_amount_reads_100_or_100_00()
    {
        var (world, order) = await OwedAsync(app);
        var header = HomeworkImport.PaymentColumns;
        var today = Day(HomeworkWorld.Today);
        object?[] paidByPhone = [order.ToString(), 100, today, "Mobile money", "Savar agent", "bk-7731", null];
        var march = Xlsx.Write("Payments", header, [paidByPhone]);
        var marchAndMore = Xlsx.Write("Payments", header,
        [
            [order.ToString(), "100.00", today, "MobileMoney", "Savar agent", " BK-7731 ", null],
            [order.ToString(), 30, today, "Cash", "Savar agent", null, null],
        ]);

        var first = await (await world.Supplier.PostAsync($"{world.Api}/homework-payments/import", File("payments.xlsx", march))).ReadAsync<HomeworkImportReport>();
        var second = await (await world.Supplier.PostAsync($"{world.Api}/homework-payments/import", File("payments.xlsx", marchAndMore))).ReadAsync<HomeworkImportReport>();

        Assert.Equal(1, first.Imported);
        Assert.Equal((1, 1), (second.Imported, second.AlreadyRecorded));
        Assert.Equal([2], second.AlreadyRecordedRows);
        Assert.Equal([30m, 100m], (await PaymentsOfAsync(order)).Order());
        Assert.Equal(130m, await PaidAsync(world, order));
    }

    [Fact]
    public async Task A_payment_twice_in_one_file_is_a_problem_and_nothing_of_the_file_is_recorded()
    {
        var (world, order) = await OwedAsync(app);
        var today = Day(HomeworkWorld.Today);

        var response = await world.Supplier.PostAsync($"{world.Api}/homework-payments/import", File("payments.csv", Encoding.UTF8.GetBytes($"""
            work_order,amount,paid_on,method,paid_by,reference
            {order},40,{today},Cash,Savar agent,R-1
            {order},60,{today},Cash,Savar agent,
            {order},60,{today},Cash,Savar agent,
            """)));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var only = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal((4, "reference"), (only.GetProperty("row").GetInt32(), only.GetProperty("column").GetString()));
        Assert.Contains("row 3", only.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await PaymentsOfAsync(order));
    }

    [Fact]
    public async Task Two_uploads_of_the_same_file_at_the_same_moment_record_it_once()
    {
        var (world, order) = await OwedAsync(app);
        var csv = Encoding.UTF8.GetBytes($"work_order,amount,paid_on,method,paid_by,reference\n{order},70,{Day(HomeworkWorld.Today)},Bank,Savar agent,TX-1\n{order},20,{Day(HomeworkWorld.Today)},Cash,Savar agent,\n");

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => world.Supplier.PostAsync($"{world.Api}/homework-payments/import", File("payments.csv", csv))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var reports = new List<HomeworkImportReport>();
        foreach (var ok in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            reports.Add(await ok.ReadAsync<HomeworkImportReport>());
        }

        Assert.Equal(2, reports.Sum(r => r.Imported));
        Assert.Equal([20m, 70m], (await PaymentsOfAsync(order)).Order());
        Assert.Equal(90m, await PaidAsync(world, order));
    }
}

public sealed class PaymentReimportSpecsOnSqlite(SqliteApp app) : PaymentReimportSpecs(app);

public sealed class PaymentReimportSpecsOnPostgres(PostgresApp app) : PaymentReimportSpecs(app);
