using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;
using CommonThread.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Homework;

public abstract class HomeworkImportSpecs(TestApp app)
{
    private const string Header = "name,gender,birth_date,proof_of_age,proof_checked_on,address,area,country,intermediary,monthly_quota_minutes";

    private static MultipartFormDataContent File(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };

    private static MultipartFormDataContent Csv(string text) => File("list.csv", Encoding.UTF8.GetBytes(text));

    private static List<(int Row, string Column)> Problems(JsonElement problem) =>
        problem.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!)).ToList();

    [Fact]
    public async Task A_homeworker_list_with_bad_rows_reports_each_problem_by_row_and_column_and_writes_nothing()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var child = HomeworkWorld.Today.AddYears(-12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = $"""
            {Header}
            Good Person,Woman,1990-01-01,NationalIdentityCard,2025-01-01,House 1,Ashulia,BD,,6000
            Bad Gender,Robot,1990-01-01,NationalIdentityCard,2025-01-01,House 2,Ashulia,BD,,6000
            Young Person,Woman,{child},BirthCertificate,2025-01-01,House 3,Ashulia,BD,,6000
            Good Person,Woman,1990-01-01,NationalIdentityCard,2025-01-01,House 1,ashulia,BD,,6000
            No Agent,Woman,1991-01-01,Passport,2025-01-01,House 4,Savar,BD,Nobody Agency,6000
            =HYPERLINK("x"),Woman,1992-01-01,Passport,2025-01-01,House 5,Savar,BD,,6000
            """;

        var response = await world.Supplier.PostAsync($"{world.Api}/homeworkers/import", Csv(csv));

        var problems = Problems(await response.ProblemAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal([(3, "gender"), (4, "birth_date"), (5, "name"), (6, "intermediary"), (7, "name")], problems);
        Assert.False(await app.WithDbAsync(db => db.Set<Homeworker>().AnyAsync(h => h.OrganisationId == world.SupplierOrganisation.Id)));
    }

    [Fact]
    public async Task A_clean_workbook_registers_everyone_and_hands_back_each_passbook_code_once()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var xlsx = Xlsx.Write("Homeworkers", Header.Split(','),
        [
            ["Amena Khatun", "Woman", "1988-05-05", "NationalIdentityCard", "2025-02-01", "House 7", "Savar", "Bangladesh", null, 4000],
            ["Rahim Uddin", "man", "1979-11-30", "passport", "2025-02-01", "House 8", "Savar", "BD", null, 3000],
        ]);

        var report = await (await world.Supplier.PostAsync($"{world.Api}/homeworkers/import", File("list.xlsx", xlsx))).ReadAsync<HomeworkImportReport>();

        Assert.Equal((2, 2), (report.Rows, report.Imported));
        Assert.All(report.Homeworkers, h => Assert.Matches("^[0-9A-Z]{10}$", h.PassbookCode));
        Assert.Equal(HomeworkerGender.Man, await app.WithDbAsync(db => db.Set<Homeworker>().Where(h => h.Name == "Rahim Uddin" && h.OrganisationId == world.SupplierOrganisation.Id).Select(h => h.Gender).SingleAsync()));
    }

    [Fact]
    public async Task Payment_records_are_checked_row_by_row_against_what_is_owed_including_the_rows_above()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Payee Homeworker");
        var order = (await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id))).Order;
        var today = HomeworkWorld.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/returns", new { returnedOn = today, accepted = 100 }); // 180.00 owed

        var tooMuch = await world.Supplier.PostAsync($"{world.Api}/homework-payments/import", Csv($"""
            work_order,amount,paid_on,method,paid_by,reference
            {order.Id},150,{today},MobileMoney,Agent,BK-1
            {order.Id},50,{today},Cash,Agent,
            {Guid.NewGuid()},10,{today},Cash,Agent,
            """));
        var fine = await world.Supplier.PostAsync($"{world.Api}/homework-payments/import", Csv($"""
            work_order,amount,paid_on,method,paid_by,reference
            {order.Id},150,{today},mobile money,Agent,BK-1
            {order.Id},30,{today},Cash,Agent,
            """));

        Assert.Equal([(3, "amount"), (4, "work_order")], Problems(await tooMuch.ProblemAsync(HttpStatusCode.UnprocessableEntity)));
        Assert.Equal(2, (await fine.ReadAsync<HomeworkImportReport>()).Imported);
        Assert.Equal(180m, (await world.Supplier.GetFromJsonAsync<List<WorkOrderDto>>($"{world.Api}/work-orders?homeworkerId={homeworker.Homeworker.Id}", Http.Json))!.Single().Paid);
    }
}

public sealed class HomeworkImportSpecsOnSqlite(SqliteApp app) : HomeworkImportSpecs(app);

public sealed class HomeworkImportSpecsOnPostgres(PostgresApp app) : HomeworkImportSpecs(app);
