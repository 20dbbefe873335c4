using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;

namespace CommonThread.BrowserTests.Accountability;

public sealed class MonitoringRoundFlow(BrowserApp app)
{
    [Fact]
    public async Task A_supplier_rates_its_brand_the_initiative_releases_and_the_brand_sees_its_queried_report_and_no_small_group_results()
    {
        var supplier = await app.OpenOrganisationAsync("compliance@angkorstitch.example", DemoAccounts.Password, "Angkor Stitch Factory");
        await supplier.ClickAsync("nav.org-nav >> text=Accountability");
        await supplier.ClickAsync("#feedback-invitations tr:has-text('Meridian Outfitters') >> text=Give feedback");
        await supplier.ClickAsync("#submit-feedback");
        await supplier.WaitForSelectorAsync("#feedback-message >> text=Rate at least one statement.");
        await supplier.CheckAsync("input[name='a.labour_costs'][value='strongly_disagree']");
        await supplier.CheckAsync("input[name='a.on_time'][value='disagree']");
        await supplier.CheckAsync("input[name='a.long_term'][value='agree']");
        await supplier.FillAsync("#q-costing_comment", "Prices were cut twice after the minimum wage went up.");
        await supplier.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "supplier-feedback.png"), FullPage = true });
        await supplier.ClickAsync("#submit-feedback");
        await supplier.WaitForSelectorAsync("#feedback-message >> text=your answers were submitted");
        await supplier.ClickAsync("nav.org-nav >> text=Accountability");
        await supplier.WaitForSelectorAsync("#feedback-invitations tr:has-text('Meridian Outfitters') >> text=Answered");

        var initiative = await app.OpenOrganisationAsync("staff@fairthreads.example", DemoAccounts.Password, "Fair Threads Initiative");
        await initiative.ClickAsync("nav.org-nav >> text=Accountability");
        await initiative.ClickAsync("#rounds >> text=2026 purchasing practices");
        await initiative.ClickAsync("#release");
        await initiative.WaitForSelectorAsync("#round-message >> text=below the threshold");
        await initiative.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "round-initiative.png"), FullPage = true });

        var brand = await app.OpenOrganisationAsync("brand@northwind.example", DemoAccounts.Password, "Northwind Apparel");
        await brand.ClickAsync("nav.org-nav >> text=Accountability");
        await brand.ClickAsync("#rounds >> text=2026 purchasing practices");
        await brand.WaitForSelectorAsync("#indicator-PT2 >> text=Attach the payment ledger for Bangladesh.");
        await brand.FillAsync("#indicator-TR2 input[name='Report.Value']", "6");
        await brand.ClickAsync("#indicator-TR2 button:has-text('Report')");
        await brand.WaitForSelectorAsync("#indicator-TR2 >> text=target met");
        await brand.ClickAsync("#participants >> text=Scorecard");
        await brand.WaitForSelectorAsync("#feedback-note >> text=Fewer than 3 suppliers");
        Assert.True(await brand.IsVisibleAsync("figure.bar-chart svg"));
        Assert.DoesNotContain("Payment dates slip", await brand.ContentAsync(), StringComparison.Ordinal);
        await brand.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "scorecard.png"), FullPage = true });
    }
}
