using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Knowledge;

/// <summary>The public library through the UI: an initiative publishes, anyone finds it in their language without an account.</summary>
public sealed class LibraryFlow(BrowserApp app)
{
    [Fact]
    public async Task An_initiative_publishes_a_document_and_a_reader_without_an_account_finds_it_and_demo_documents_in_khmer_and_chinese()
    {
        var staff = await app.OpenOrganisationAsync("staff@fairthreads.example", DemoAccounts.Password, "Fair Threads Initiative");
        await staff.ClickAsync("nav.org-nav >> text=Library");
        await staff.WaitForSelectorAsync("#publish-document");

        // Without a theme the form comes back with the message beside the field and what was typed kept.
        var word = "Qlibrary" + Guid.NewGuid().ToString("N")[..6];
        await staff.FillAsync("input[name='Document.Title']", $"Childcare corners: {word}");
        await staff.FillAsync("textarea[name='Document.Summary']", "How three factories opened childcare corners with their unions.");
        await staff.FillAsync("textarea[name='Document.Text']", "Each corner was agreed in the collective agreement.\n\nMothers returned to work sooner.");
        await staff.SelectOptionAsync("select[name='Document.Language']", "en");
        await staff.SelectOptionAsync("select[name='Document.Kind']", "GoodPractice");
        await staff.SelectOptionAsync("select[name='Document.Licence']", "CcBy");
        await staff.SelectOptionAsync("select[name='Document.Countries']", ["BD", "KH"]);
        await staff.ClickAsync("#publish-document button[type=submit]");
        await staff.WaitForSelectorAsync("#publish-document-themes-error");
        Assert.Equal($"Childcare corners: {word}", await staff.InputValueAsync("input[name='Document.Title']"));
        await staff.CheckAsync("input[name='Document.Themes'][value='GenderEquality']");
        await staff.ClickAsync("#publish-document button[type=submit]");
        await staff.WaitForSelectorAsync("#published-link");

        var reader = await app.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await reader.GotoAsync($"/library?q={word}");
        await reader.ClickAsync($"#library-results a >> text=Childcare corners: {word}");
        await reader.WaitForSelectorAsync("#library-document >> text=Mothers returned to work sooner.");
        Assert.Contains("Cambodia", await reader.InnerTextAsync(".library-meta"), StringComparison.Ordinal);

        foreach (var language in new[] { "km", "zh-Hans" })
        {
            var demo = DemoLibrary.Documents.Value.First(d => d.Language == language);
            await reader.GotoAsync("/library");
            await reader.FillAsync("input[name='q']", demo.Probe);
            await reader.ClickAsync("#library-search button[type=submit]");
            Assert.Equal(demo.Title, (await reader.InnerTextAsync("#library-results li:first-child h2")).Trim());
        }

        await reader.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "library.png"), FullPage = true });
    }
}
