using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.DueDiligence;

/// <summary>The cycle through the UI: chain to a prioritised register, to plans (the FoA route with union review), to the reports the law asks for.</summary>
public sealed class DueDiligenceFlow(BrowserApp app)
{
    [Fact]
    public async Task A_brand_goes_from_its_register_to_a_freedom_of_association_plan_to_its_CSDDD_statement_and_the_union_reviews_it()
    {
        var brand = await app.OpenOrganisationAsync("brand@northwind.example", DemoAccounts.Password, "Northwind Apparel");
        await brand.ClickAsync("nav.org-nav >> text=Due diligence");
        await brand.WaitForSelectorAsync("table.impacts tr[data-rank='1'] >> text=Union organisers dismissed at Dhaka Knitwear Unit 1");
        Assert.Contains("Severity 10 of 15", await brand.InnerTextAsync("table.impacts tr[data-rank='1']"), StringComparison.Ordinal);

        // Take in what the records suggest, then raise an impact by hand: first without a title, which is refused beside the field.
        await brand.ClickAsync("#proposals tbody tr:first-child button:has-text('Take into the register')");
        await brand.WaitForSelectorAsync("#risk-message >> text=Saved.");
        await brand.SelectOptionAsync("select[name='Raise.FacilityId']", new SelectOptionValue { Label = "Mekong Garments Long An Factory (Vietnam)" });
        await brand.SelectOptionAsync("select[name='Raise.Issue']", "FreedomOfAssociation");
        await brand.SelectOptionAsync("select[name='Raise.Nature']", "Potential");
        foreach (var figure in new[] { "Scale", "Scope", "Irremediability", "Likelihood" })
        {
            await brand.SelectOptionAsync($"select[name='Raise.{figure}']", "3");
        }

        await brand.ClickAsync("#raise-form button[type=submit]");
        await brand.WaitForSelectorAsync("#raise-title-error");
        await brand.FillAsync("input[name='Raise.Title']", "No elected worker committee at Long An");
        await brand.ClickAsync("#raise-form button[type=submit]");
        await brand.WaitForSelectorAsync("table.impacts >> text=No elected worker committee at Long An");
        await brand.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "risk-register.png"), FullPage = true });

        // A plan from the freedom-of-association route for the new impact.
        await brand.ClickAsync("#plans-link");
        await brand.WaitForSelectorAsync("text=Freedom of association at Dhaka Knitwear");
        await brand.SelectOptionAsync("select[name='Create.ImpactId']", new SelectOptionValue { Label = "No elected worker committee at Long An" });
        await brand.FillAsync("input[name='Create.Title']", "FoA route at Long An");
        await brand.SelectOptionAsync("select[name='Create.Template']", "foa-action-route");
        await brand.ClickAsync("#create-plan button[type=submit]");
        await brand.WaitForSelectorAsync("h2 >> text=FoA route at Long An");
        Assert.Equal(10, await brand.Locator("table.goals tr[data-goal]").CountAsync());
        // The demo route counts two commitments of the joint statement; the new plan takes in the one on payment terms.
        var dhakaRoute = brand.Locator("section.plan", new() { Has = brand.Locator("h2", new() { HasText = "Freedom of association at Dhaka Knitwear" }) });
        Assert.Equal(2, await dhakaRoute.Locator("table.linked-work tbody tr").CountAsync());
        var longAn = brand.Locator("section.plan", new() { Has = brand.Locator("h2", new() { HasText = "FoA route at Long An" }) });
        var payment = longAn.Locator("select[name='Link.Work'] option", new() { HasText = "Keep payment terms to suppliers stable" });
        await longAn.Locator("select[name='Link.Work']").SelectOptionAsync(await payment.GetAttributeAsync("value") ?? "");
        await longAn.Locator("button:has-text('Link to the plan')").ClickAsync();
        await brand.WaitForSelectorAsync("#plan-message >> text=Saved.");
        Assert.Contains("In progress", await longAn.Locator("table.linked-work tbody tr").InnerTextAsync(), StringComparison.Ordinal);
        await brand.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "risk-plans.png"), FullPage = true });

        // The statement, with its figures linked to the records and its gaps; the PDF is a real file.
        await brand.ClickAsync("nav.org-nav >> text=Due diligence");
        await brand.ClickAsync("#reports-link");
        await brand.WaitForSelectorAsync("#report-name >> text=CSDDD");
        Assert.Contains("policy", await brand.InnerTextAsync("#gaps"), StringComparison.Ordinal);
        var download = await brand.RunAndWaitForDownloadAsync(() => brand.ClickAsync("#report-pdf"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf[..5]));
        await brand.SelectOptionAsync("#report", "lksg-documentation");
        await brand.ClickAsync("#report-choice button[type=submit]");
        await brand.WaitForSelectorAsync("#report-name >> text=LkSG");
        await brand.ClickAsync("table.report-section[data-section='risks'] tr[data-point='register.impacts'] a");
        await brand.WaitForSelectorAsync("table.impacts");
        await brand.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "dd-report.png"), FullPage = true });

        // The federation verified at Dhaka Knitwear reviews Northwind's route there and comments.
        var union = await app.OpenOrganisationAsync("officer@bgwf.example", DemoAccounts.Password, "Bangladesh Garment Workers Federation (demo)");
        await union.ClickAsync("nav.org-nav >> text=Due diligence");
        await union.WaitForSelectorAsync("text=Union organisers dismissed at Dhaka Knitwear Unit 1");
        await union.ClickAsync("#plans-link");
        var plan = union.Locator("section.plan:has-text('Freedom of association at Dhaka Knitwear')");
        await plan.Locator("textarea[name='Comment.Text']").FillAsync("We ask for a joint visit before the end of the month.");
        await plan.Locator("button:has-text('Add the comment')").ClickAsync();
        await union.WaitForSelectorAsync("text=We ask for a joint visit before the end of the month.");

        // The engagement log: Northwind's meeting names the federation, which adds its own account.
        await union.ClickAsync("nav.org-nav >> text=Due diligence");
        await union.ClickAsync("#engagements-link");
        var meeting = union.Locator("section.engagement:has-text('Dismissals at Dhaka Knitwear Unit 1')");
        await meeting.Locator("textarea[name='Comment.Text']").FillAsync("Reinstatement is still awaited.");
        await meeting.Locator("button:has-text('Add the comment')").ClickAsync();
        await union.WaitForSelectorAsync("section.engagement >> text=Reinstatement is still awaited.");
        Assert.Equal(0, await union.Locator("#create-plan >> text=FoA route at Long An").CountAsync());
        Assert.DoesNotContain("FoA route at Long An", await union.ContentAsync(), StringComparison.Ordinal);
    }
}
