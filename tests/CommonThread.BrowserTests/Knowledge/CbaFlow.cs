using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Knowledge;

/// <summary>
/// The register of collective agreements through the UI: a union records its workplace's agreement with coded clauses,
/// the employer it names confirms, and anyone reads the published sector agreement on a phone without an account.
/// </summary>
public sealed class CbaFlow(BrowserApp app)
{
    [Fact]
    public async Task A_union_records_its_workplace_agreement_the_employer_confirms_the_demo_one_and_a_reader_finds_the_public_one()
    {
        var union = await app.OpenOrganisationAsync("officer@bgwf.example", DemoAccounts.Password, "Bangladesh Garment Workers Federation (demo)");
        await union.ClickAsync("nav.org-nav >> text=Collective agreements");
        await union.WaitForSelectorAsync("#record-agreement");

        // Without the day it takes effect the form comes back with the message beside the field and what was typed kept.
        var title = "Unit 1 night-shift agreement " + Guid.NewGuid().ToString("N")[..6];
        await union.FillAsync("input[name='Input.Title']", title);
        await union.SelectOptionAsync("select[name='Input.Level']", "Facility");
        await union.SelectOptionAsync("select[name='Input.FacilityId']", new SelectOptionValue { Label = "Dhaka Knitwear Unit 1" });
        await union.SelectOptionAsync("select[name='Input.Country']", "BD");
        await union.FillAsync("textarea[name='Input.Employers']", "Dhaka Knitwear Ltd");
        await union.FillAsync("textarea[name='Input.Clauses[WorkingTime]']", "Night shifts end at 22:00; transport home is provided.");
        await union.FillAsync("textarea[name='Input.Clauses[HealthAndSafety]']", "A first-aider on every night shift.");
        await union.ClickAsync("#record-agreement button[type=submit]");
        await union.WaitForSelectorAsync("#record-agreement-startsOn-error");
        Assert.Equal(title, await union.InputValueAsync("input[name='Input.Title']"));
        await union.FillAsync("input[name='Input.StartsOn']", "2026-01-01");
        await union.FillAsync("input[name='Input.ExpiresOn']", "2027-12-31");
        await union.ClickAsync("#record-agreement button[type=submit]");
        await union.ClickAsync("#recorded-link");
        await union.WaitForSelectorAsync("#topic-WorkingTime >> text=Night shifts end at 22:00");
        Assert.Contains("Dhaka Knitwear Unit 1", await union.InnerTextAsync("#agreement-level"), StringComparison.Ordinal);

        var employer = await app.OpenOrganisationAsync("compliance@dhakaknit.example", DemoAccounts.Password, "Dhaka Knitwear Ltd");
        await employer.ClickAsync("nav.org-nav >> text=Collective agreements");
        await employer.ClickAsync($"#agreements a >> text={DemoAgreements.FacilityAgreement}");
        await employer.WaitForSelectorAsync("#party-question");
        await employer.ClickAsync("#confirm-party");
        await employer.WaitForSelectorAsync("#party-message");
        Assert.Equal(0, await employer.Locator("#party-question").CountAsync());
        // The union's new agreement is in its workplace's profile for the employer too.
        await employer.ClickAsync("nav.org-nav >> text=Facilities");
        await employer.ClickAsync("#facilities a >> text=Dhaka Knitwear Unit 1");
        await employer.WaitForSelectorAsync($"#agreements >> text={title}");

        var reader = await app.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await reader.GotoAsync("/collective-agreements");
        await reader.SelectOptionAsync("select[name='topic']", "Leave");
        await reader.ClickAsync("#agreement-search button[type=submit]");
        await reader.ClickAsync($"#agreements a >> text={DemoAgreements.SectorAgreement}");
        await reader.WaitForSelectorAsync("#topic-Leave");
        Assert.DoesNotContain(DemoAgreements.FacilityAgreement, await reader.ContentAsync(), StringComparison.Ordinal);
        await reader.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "collective-agreement.png"), FullPage = true });
    }
}
