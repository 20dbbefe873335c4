using System.Text;
using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Data;
using CommonThread.Web.Demo;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.SupplyChain;

public sealed class ImportsFlow(BrowserApp app)
{
    private const string Password = "browser-imports-2026";

    private static string Word() => new(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))).Prepend('Q').ToArray());

    private async Task<IPage> OpenImportsAsync()
    {
        var email = await app.NewMemberAsync("Meridian Outfitters", MemberRole.Editor, Password);
        var page = await app.OpenOrganisationAsync(email, Password, "Meridian Outfitters");
        await page.ClickAsync("nav.org-nav >> text=Imports");
        return page;
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "suppliers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForSelectorAsync("#import-status");
    }

    private static async Task StartAndWaitAsync(IPage page)
    {
        await page.ClickAsync("#start-import");
        // The page refreshes itself every two seconds while the job runs.
        await page.WaitForSelectorAsync("#import-status[data-status=Completed]", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task An_import_shows_each_rows_problems_before_anything_is_written_then_runs_the_good_rows()
    {
        var page = await OpenImportsAsync();
        var w = Word();

        await UploadAsync(page, $"country,name,address,number_of_workers\nKH,{w} Garment,Phnom Penh,400\nZZ,{w} Nowhere,Somewhere,\nKH,{w} Second,Kandal,lots\n");
        var problems = await page.TextContentAsync("#import-problems") ?? "";
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "import-preview.png"), FullPage = true });

        Assert.Contains("'ZZ' is not a country", problems);
        Assert.Contains("'lots' is not a whole number", problems);
        Assert.Contains("1 of 3 rows can be imported", await page.TextContentAsync("#import-summary") ?? "");
        await StartAndWaitAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "import-completed.png"), FullPage = true });
        Assert.Equal("1", await page.TextContentAsync("#import-result dt:has-text('New facilities') + dd"));
        await page.ClickAsync("nav.org-nav >> text=Facilities");
        Assert.Contains($"{w} Garment", await page.TextContentAsync("#facilities") ?? "");
    }

    [Fact]
    public async Task A_person_confirms_an_uncertain_match_side_by_side()
    {
        var w = Word();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var angkor = await db.Set<Organisation>().SingleAsync(o => o.Name == "Angkor Stitch Factory");
            db.Add(new Facility { OperatorOrganisationId = angkor.Id, Name = $"{w} Knit Composite Ltd", Address = "Plot 12, Road 5, Konabari, Gazipur 1700", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        var page = await OpenImportsAsync();
        await UploadAsync(page, $"country,name,address\nBD,{w} Knit Composite,\"Road 9, Chandra, Gazipur\"\n");
        await StartAndWaitAsync(page);
        await page.ClickAsync("text=Review the uncertain matches");
        var review = page.Locator($"section.review:has-text('{w} Knit Composite Ltd')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "review-queue.png"), FullPage = true });

        Assert.Contains("Road 9, Chandra, Gazipur", await review.TextContentAsync() ?? "");
        Assert.Contains("Plot 12, Road 5, Konabari, Gazipur 1700", await review.TextContentAsync() ?? "");
        await review.Locator("button.confirm").ClickAsync();
        Assert.Contains("Linked to the facility on the platform", await page.TextContentAsync("#review-message") ?? "");
        Assert.Equal(0, await page.Locator($"section.review:has-text('{w}')").CountAsync());
        await page.ClickAsync("nav.org-nav >> text=Facilities");
        Assert.Contains($"{w} Knit Composite Ltd", await page.TextContentAsync("#facilities") ?? "");
    }

    [Fact]
    public async Task The_chain_picture_shows_every_tier_and_opens_a_facilitys_profile()
    {
        var page = await app.OpenOrganisationAsync("brand@solstice.example", DemoAccounts.Password, "Solstice Sportswear");

        await page.ClickAsync("nav.org-nav >> text=Chain");
        await page.WaitForSelectorAsync("#chain-picture");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "chain.png"), FullPage = true });

        Assert.Equal(1, await page.Locator("#chain-picture a[data-tier='1']").CountAsync());
        Assert.Equal(1, await page.Locator("#chain-picture a[data-tier='2']").CountAsync());
        var box = await page.Locator("#chain-picture a[data-tier='2'] rect").First.BoundingBoxAsync();
        Assert.True(box is { Width: > 100 }, "the tier-2 facility is drawn, not only listed");
        await page.Locator("#chain-picture a[data-tier='2']").ClickAsync();
        await page.WaitForSelectorAsync("#foa-headline");
        Assert.Contains("Sunrise homework centre", await page.TextContentAsync("h1") ?? "");

        await page.ClickAsync("nav.org-nav >> text=Map");
        await page.WaitForSelectorAsync("#facility-map");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "map.png"), FullPage = true });
        Assert.Equal(2, await page.Locator("#facility-map a.map-marker").CountAsync());
    }
}
