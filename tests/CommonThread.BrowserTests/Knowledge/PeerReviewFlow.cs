using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;

namespace CommonThread.BrowserTests.Knowledge;

/// <summary>
/// A paper through peer review in the UI: the federation submits to the research network, the initiative (its editor)
/// asks the Cambodian union's officer to review, she reviews, the editor accepts and publishes; anyone then reads the
/// paper in the library with its review record, where the reviewer is a number and her note to the editor is absent.
/// </summary>
public sealed class PeerReviewFlow(BrowserApp app)
{
    [Fact]
    public async Task A_paper_is_submitted_reviewed_accepted_and_read_in_the_library_with_its_anonymous_review_record()
    {
        var title = "Cooling and productivity in Dhaka " + Guid.NewGuid().ToString("N")[..6];
        var authors = await app.OpenOrganisationAsync("officer@bgwf.example", DemoAccounts.Password, "Bangladesh Garment Workers Federation (demo)");
        await authors.ClickAsync("nav.org-nav >> text=Networks");
        await authors.ClickAsync($"#networks a >> text={DemoPeerReview.Network}");
        await authors.ClickAsync("#submit-for-review");
        await authors.FillAsync("input[name='Paper.Title']", title);
        await authors.FillAsync("input[name='Paper.Authors']", "K. Roy");
        await authors.FillAsync("textarea[name='Paper.Summary']", "What evaporative cooling changed in three factories.");
        await authors.FillAsync("textarea[name='Paper.Text']", "Three factories installed evaporative coolers in 2025; absences fell in the hot months.");
        await authors.SelectOptionAsync("select[name='Paper.Language']", "en");
        // Without a licence the form comes back with the message beside the field, and what was typed kept.
        await authors.ClickAsync("#submit-paper button[type=submit]");
        await authors.WaitForSelectorAsync("#submit-paper-licence-error");
        Assert.Equal(title, await authors.InputValueAsync("input[name='Paper.Title']"));
        await authors.SelectOptionAsync("select[name='Paper.Licence']", "CcBy");
        await authors.ClickAsync("#submit-paper button[type=submit]");
        await authors.WaitForSelectorAsync($"h1 >> text={title}");
        var submission = authors.Url;

        var editor = await app.OpenOrganisationAsync("staff@fairthreads.example", DemoAccounts.Password, "Fair Threads Initiative");
        await editor.ClickAsync("nav.org-nav >> text=Networks");
        await editor.ClickAsync($"#networks a >> text={DemoPeerReview.Network}");
        await editor.ClickAsync($"#submissions a >> text={title}");
        await editor.FillAsync("input[name='Ask.Email']", "officer@cawu.example");
        await editor.FillAsync("input[name='Ask.DueOn']", "2099-01-31");
        await editor.ClickAsync("#ask-reviewer button[type=submit]");
        await editor.WaitForSelectorAsync(".reviewer-identity >> text=Dara Sok");

        var reviewer = await app.OpenOrganisationAsync("officer@cawu.example", DemoAccounts.Password, "Cambodian Apparel Workers Union (demo)");
        await reviewer.ClickAsync("nav.org-nav >> text=Networks");
        await reviewer.ClickAsync($"#networks a >> text={DemoPeerReview.Network}");
        await reviewer.ClickAsync($"#submissions a >> text={title}");
        await reviewer.SelectOptionAsync("select[name='Review.Verdict']", "Accept");
        await reviewer.FillAsync("textarea[name='Review.ToAuthors']", "Give the temperatures before and after.");
        await reviewer.FillAsync("textarea[name='Review.ToEditor']", "I know one of the factories well.");
        await reviewer.ClickAsync("#write-review button[type=submit]");
        await reviewer.WaitForSelectorAsync("#submission-message");
        Assert.Equal(0, await reviewer.Locator("#write-review").CountAsync());

        await editor.ReloadAsync();
        await editor.SelectOptionAsync("select[name='Decision.Decision']", "Accept");
        await editor.FillAsync("textarea[name='Decision.Letter']", "Accepted: please keep the figures as they are.");
        await editor.ClickAsync("#decide button[type=submit]");
        await editor.ClickAsync("#publish-paper button[type=submit]");
        await editor.ClickAsync("#published-paper");
        await editor.WaitForSelectorAsync("#review-record");

        // The authors now read the review, numbered; anyone reads the record in the library, without names or the editor's note.
        await authors.GotoAsync(submission);
        await authors.WaitForSelectorAsync("text=Give the temperatures before and after.");
        Assert.Equal(0, await authors.Locator(".reviewer-identity").CountAsync());
        var reader = await app.NewPageAsync();
        await reader.GotoAsync(editor.Url);
        var record = await reader.Locator("#review-record").InnerTextAsync();
        Assert.Contains("Reviewer 1", record, StringComparison.Ordinal);
        Assert.Contains("Give the temperatures before and after.", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Dara", await reader.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("I know one of the factories", await reader.ContentAsync(), StringComparison.Ordinal);
        await reader.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "peer-review-record.png"), FullPage = true });
    }
}
