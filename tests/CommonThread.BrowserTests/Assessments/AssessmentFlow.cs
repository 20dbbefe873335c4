using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Assessments;

public sealed class AssessmentFlow(BrowserApp app)
{
    [Fact]
    public async Task A_brand_sends_the_starter_questionnaire_the_supplier_answers_it_with_skip_logic_and_a_refused_answer_and_the_union_lands_in_the_foa_profile()
    {
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var union = $"Free Knitters' Union {Guid.NewGuid().ToString("N")[..6]}";
        var brand = await app.OpenOrganisationAsync("brand@northwind.example", DemoAccounts.Password, "Northwind Apparel");
        await brand.ClickAsync("nav.org-nav >> text=Assessments");
        await brand.SelectOptionAsync("#assign-questionnaire", new SelectOptionValue { Label = "Freedom of association and social dialogue: supplier questionnaire" });
        await brand.FillAsync("#assign-due", due);
        await brand.CheckAsync("#assign-form label:has-text('Dhaka Knitwear Unit 1') input");
        await brand.ClickAsync("#assign-send");
        await brand.WaitForSelectorAsync("#sent >> text=Dhaka Knitwear Unit 1");

        var supplier = await app.OpenOrganisationAsync("compliance@dhakaknit.example", DemoAccounts.Password, "Dhaka Knitwear Ltd");
        await supplier.ClickAsync("nav.org-nav >> text=Assessments");
        await supplier.Locator("#received a:has-text('Freedom of association')").Last.ClickAsync();
        await supplier.FillAsync("#q-workers", "1450");
        await supplier.FillAsync("#q-women", "900");
        await supplier.CheckAsync("input[name='a.short_contracts'][value='under_10']");
        Assert.False(await supplier.IsVisibleAsync("#q-union_name"));

        // Skip logic, live: saying there is a union asks its name at once.
        await supplier.CheckAsync("input[name='a.has_union'][value='yes']");
        await supplier.WaitForSelectorAsync("#q-union_name", new() { State = WaitForSelectorState.Visible });
        await supplier.FillAsync("#q-union_name", union);
        await supplier.FillAsync("#q-union_members", "2000");
        await supplier.WaitForSelectorAsync("#q-union_members-error >> text=Members cannot outnumber the workers you gave above.");
        await supplier.CheckAsync("input[name='a.union_recognised'][value='yes']");
        await supplier.CheckAsync("input[name='a.union_access'][value='yes']");
        await supplier.CheckAsync("input[name='a.has_committee'][value='no']");
        await supplier.CheckAsync("input[name='a.has_agreement'][value='no']");
        await supplier.CheckAsync("input[name='a.negotiating'][value='yes']");
        await supplier.CheckAsync("input[name='a.has_mechanism'][value='no']");
        await supplier.CheckAsync("input[name='a.policy'][value='yes']");
        await supplier.CheckAsync("input[name='a.dismissals'][value='no']");
        await supplier.FillAsync("#q-contact_name", "Compliance manager");

        // The server refuses the submission too, and keeps every answer on the page.
        await supplier.ClickAsync("#submit-answers");
        await supplier.WaitForSelectorAsync("#form-message >> text=nothing was submitted");
        Assert.Equal("2000", await supplier.InputValueAsync("#q-union_members"));
        Assert.Contains("Members cannot outnumber", await supplier.InnerTextAsync("#q-union_members-error"));
        await supplier.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "questionnaire-refused.png"), FullPage = true });

        await supplier.FillAsync("#q-union_members", "600");
        await supplier.ClickAsync("#submit-answers");
        await supplier.WaitForSelectorAsync("#form-message >> text=your answers were submitted");
        await supplier.WaitForSelectorAsync("#form-score");

        await supplier.ClickAsync("nav.org-nav >> text=Facilities");
        await supplier.ClickAsync("text=Dhaka Knitwear Unit 1");
        await supplier.WaitForSelectorAsync($"#foa-current >> text={union}");

        await brand.ReloadAsync();
        await brand.WaitForSelectorAsync("#sent >> text=Submitted");
        await brand.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "questionnaire-sent.png"), FullPage = true });
    }
}
