using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Grievances;

public sealed class GrievanceFlow(BrowserApp app)
{
    [Fact]
    public async Task A_worker_reports_anonymously_from_a_phone_without_javascript_and_reads_the_factorys_reply_with_the_receipt_code()
    {
        await using var phone = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, ViewportSize = new() { Width = 360, Height = 640 }, JavaScriptEnabled = false, IsMobile = true,
        });
        var worker = await phone.NewPageAsync();
        var responses = new List<IResponse>();
        worker.Response += (_, response) => responses.Add(response);

        await worker.GotoAsync($"/r/{DemoGrievances.ChannelCode}?culture=bn&ui-culture=bn");
        await worker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var weight = 0L;
        foreach (var response in responses.ToList())
        {
            weight += (await response.BodyAsync()).Length;
        }

        await File.WriteAllTextAsync(Path.Combine(BrowserApp.ArtifactsFolder, "intake-page-weight.txt"), $"{weight} bytes (HTML and CSS) for /r/{DemoGrievances.ChannelCode} in Bengali\n");
        Console.WriteLine($"intake page weight: {weight} bytes");
        await worker.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "intake-phone-bn.png"), FullPage = true });
        Assert.InRange(weight, 1_000, 30 * 1024);
        Assert.Equal("bn", await worker.GetAttributeAsync("html", "lang"));

        await worker.CheckAsync("input[name='Input.Category'][value='WagesAndPayment']");
        await worker.FillAsync("#report-text", "Night shift overtime in the sewing section is paid at the normal rate.");
        await worker.ClickAsync("form.report button[type=submit]");
        var code = (await worker.TextContentAsync("#receipt-code"))!.Trim();
        var received = await worker.TextContentAsync("#received") ?? "";
        await worker.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "receipt-phone.png"), FullPage = true });
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", code);
        var reference = System.Text.RegularExpressions.Regex.Match(received, "GR-[0-9A-Z]{8}").Value;

        var factory = await app.OpenOrganisationAsync("compliance@dhakaknit.example", DemoAccounts.Password, "Dhaka Knitwear Ltd");
        await factory.ClickAsync("nav.org-nav >> text=Grievances");
        await factory.ClickAsync($"#cases >> text={reference}");
        await factory.SelectOptionAsync("#message-kind", "ToReporter");
        await factory.FillAsync("#message-text", "Thank you. Payroll is checking the night shift rates; we will answer within two weeks.");
        await factory.ClickAsync("form:has(#message-text) button[type=submit]");
        await factory.WaitForSelectorAsync("#case-message");
        await factory.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "case-party.png"), FullPage = true });

        await worker.GotoAsync("/follow-up?culture=bn&ui-culture=bn");
        await worker.FillAsync("#receipt", code);
        await worker.ClickAsync("form.form button[type=submit]");
        await worker.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "follow-up-phone.png"), FullPage = true });
        await worker.WaitForSelectorAsync("#case-status");
        await worker.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "follow-up-phone.png"), FullPage = true });
        Assert.Contains("Payroll is checking the night shift rates", await worker.ContentAsync());
        Assert.Contains("Night shift overtime in the sewing section", await worker.ContentAsync());
    }
}
