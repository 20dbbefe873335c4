using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Homework;

public sealed class HomeworkFlow(BrowserApp app)
{
    private static string Day(int fromToday) =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_supplier_registers_a_homeworker_gives_out_work_records_pieces_and_pay_and_the_homeworker_and_the_brand_each_see_their_part()
    {
        var name = $"Bilkis Akter {Guid.NewGuid().ToString("N")[..6]}";
        var factory = await app.OpenOrganisationAsync("compliance@dhakaknit.example", DemoAccounts.Password, "Dhaka Knitwear Ltd");
        await factory.ClickAsync("nav.org-nav >> text=Homework");
        await factory.ClickAsync("text=Register a homeworker");
        await factory.FillAsync("input[name='Input.Name']", name);
        await factory.FillAsync("input[name='Input.BirthDate']", "1987-06-15");
        await factory.FillAsync("input[name='Input.ProofOfAgeCheckedOn']", Day(-1));
        await factory.FillAsync("input[name='Input.Address']", "House 21, Road 4");
        await factory.FillAsync("input[name='Input.Area']", "Ashulia");
        await factory.FillAsync("input[name='Input.Country']", "Bangladesh");
        await factory.FillAsync("input[name='Input.MonthlyQuotaMinutes']", "6000");
        await factory.ClickAsync("form.form button[type=submit]");
        var code = (await factory.TextContentAsync("#passbook-code"))!.Trim();
        Assert.Matches("^[0-9A-Z]{10}$", code);

        await factory.ClickAsync($"#registered >> text={name}");
        await factory.FillAsync("input[name='Issue.Style']", "NW-2207 cardigan");
        await factory.FillAsync("input[name='Issue.Operation']", "placket embroidery");
        await factory.FillAsync("input[name='Issue.PieceRate']", "2.20");
        await factory.FillAsync("input[name='Issue.Currency']", "BDT");
        await factory.FillAsync("input[name='Issue.StandardMinutesPerPiece']", "2");
        await factory.FillAsync("input[name='Issue.Quantity']", "50");
        await factory.FillAsync("input[name='Issue.DueOn']", Day(10));
        await factory.ClickAsync("form:has(input[name='Issue.Style']) button[type=submit]");
        await factory.WaitForSelectorAsync("#orders >> text=placket embroidery");

        await factory.FillAsync("input[name='Back.ReturnedOn']", Day(0));
        await factory.FillAsync("input[name='Back.Accepted']", "48");
        await factory.FillAsync("input[name='Back.Rejected']", "2");
        await factory.FillAsync("input[name='Back.RejectionReason']", "Thread colour wrong");
        await factory.ClickAsync("form:has(input[name='Back.Accepted']) button[type=submit]");
        await factory.WaitForSelectorAsync("#passbook >> text=Thread colour wrong");
        await factory.FillAsync("input[name='Pay.Amount']", "105.60");
        await factory.FillAsync("input[name='Pay.PaidOn']", Day(0));
        await factory.SelectOptionAsync("select[name='Pay.Method']", "MobileMoney");
        await factory.FillAsync("input[name='Pay.PaidBy']", "Savar Homework Agency");
        await factory.ClickAsync("form:has(input[name='Pay.Amount']) button[type=submit]");
        await factory.WaitForSelectorAsync("#passbook >> text=Savar Homework Agency");
        Assert.Contains("0.00 BDT", await factory.InnerTextAsync("#passbook tbody tr:last-child"));
        await factory.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "homeworker-passbook.png"), FullPage = true });
        var download = await factory.RunAndWaitForDownloadAsync(() => factory.ClickAsync("text=Passbook (PDF)"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        await File.WriteAllBytesAsync(Path.Combine(BrowserApp.ArtifactsFolder, "passbook.pdf"), pdf);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        await using var phone = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, ViewportSize = new() { Width = 360, Height = 640 }, JavaScriptEnabled = false, IsMobile = true,
        });
        var homeworker = await phone.NewPageAsync();
        await homeworker.GotoAsync("/passbook");
        await homeworker.FillAsync("#passbook-code", code);
        await homeworker.ClickAsync("form.form button[type=submit]");
        await homeworker.WaitForSelectorAsync("#passbook");
        await homeworker.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "passbook-phone.png"), FullPage = true });
        Assert.Contains(name, await homeworker.ContentAsync());

        var brand = await app.OpenOrganisationAsync("brand@northwind.example", DemoAccounts.Password, "Northwind Apparel");
        await brand.ClickAsync("nav.org-nav >> text=Homework");
        await brand.WaitForSelectorAsync("#homework-overview >> text=Dhaka Knitwear Ltd");
        await brand.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "homework-brand.png"), FullPage = true });
        Assert.DoesNotContain("Bilkis", await brand.ContentAsync());
    }
}
