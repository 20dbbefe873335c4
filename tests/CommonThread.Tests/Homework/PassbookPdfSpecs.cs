using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;
using UglyToad.PdfPig;

namespace CommonThread.Tests.Homework;

public abstract class PassbookPdfSpecs(TestApp app)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(string Text, IReadOnlyList<string> Fonts, int Pages)> ReadPdfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"{response.RequestMessage?.RequestUri?.AbsolutePath}: {bytes.Length} bytes");
        // Fonts are cut down to the letters used (Platform/Files/FontSubset): a passbook of a page or two is no download on a phone.
        Assert.True(bytes.Length <= 100 * 1024, $"{bytes.Length} bytes");
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        return (string.Join('\n', pages.Select(p => p.Text)), pages.SelectMany(p => p.Letters.Select(l => l.FontName ?? "")).Distinct().ToList(), pages.Count);
    }

    /// <summary>A homeworker who reads Bengali, with 95 pieces back (90 accepted) and 100 BDT paid of 162.</summary>
    private static async Task<(HomeworkWorld World, RegisteredHomeworker Homeworker)> PaidHomeworkerAsync(TestApp app)
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Jesmin Nahar");
        var today = HomeworkWorld.Today;
        var order = (await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id, issuedOn: Day(today)))).Order;
        await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/returns", new { returnedOn = Day(today), accepted = 90, rejected = 5, rejectionReason = "Loose stitches" });
        await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/payments", new { amount = 100m, paidOn = Day(today), method = "MobileMoney", paidBy = "Agent", reference = "BK-7781" });
        return (world, homeworker);
    }

    [Fact]
    public async Task The_passbook_is_a_pdf_in_the_homeworkers_language_and_script_with_every_line_and_the_balance()
    {
        var (world, homeworker) = await PaidHomeworkerAsync(app);

        var (text, fonts, pages) = await ReadPdfAsync(await world.Supplier.GetAsync($"{world.Api}/homeworkers/{homeworker.Homeworker.Id}/passbook.pdf"));

        Assert.Equal(1, pages);
        Assert.Contains("Jesmin Nahar", text, StringComparison.Ordinal);
        Assert.Contains("162.00", text, StringComparison.Ordinal);
        Assert.Contains("62.00 BDT", text, StringComparison.Ordinal);
        Assert.Contains("BK-7781", text, StringComparison.Ordinal);
        Assert.Contains(fonts, f => f.Contains("NotoSansBengali", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_payslip_for_a_month_sums_what_was_owed_and_paid_in_it()
    {
        var (world, homeworker) = await PaidHomeworkerAsync(app);
        var today = HomeworkWorld.Today;

        var (text, _, _) = await ReadPdfAsync(await world.Supplier.GetAsync($"{world.Api}/homeworkers/{homeworker.Homeworker.Id}/payslip.pdf?year={today.Year}&month={today.Month}"));
        var (lastYear, _, _) = await ReadPdfAsync(await world.Supplier.GetAsync($"{world.Api}/homeworkers/{homeworker.Homeworker.Id}/payslip.pdf?year={today.Year - 1}&month={today.Month}"));

        Assert.Contains("162.00 BDT", text, StringComparison.Ordinal);
        Assert.Contains("100.00 BDT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BK-7781", lastYear, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_homeworker_downloads_their_own_passbook_with_their_code_and_a_wrong_code_gets_nothing()
    {
        var (_, homeworker) = await PaidHomeworkerAsync(app);
        var phone = app.Anonymous();

        var own = await phone.PostFormAsync("/passbook", "passbook", new() { ["code"] = homeworker.PassbookCode }, postTo: "/passbook/pdf");
        var wrong = await phone.PostFormAsync("/passbook", "passbook", new() { ["code"] = "AAAAAAAAAA" }, postTo: "/passbook/pdf");
        var forged = await phone.PostAsync("/passbook/pdf", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = homeworker.PassbookCode }));

        Assert.Contains("Jesmin Nahar", (await ReadPdfAsync(own)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
    }
}

public sealed class PassbookPdfSpecsOnSqlite(SqliteApp app) : PassbookPdfSpecs(app);

public sealed class PassbookPdfSpecsOnPostgres(PostgresApp app) : PassbookPdfSpecs(app);
