using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;

namespace CommonThread.BrowserTests.Knowledge;

/// <summary>
/// A task force through the UI: the convener schedules a meeting, records its minutes with who came and gives a member
/// an action item; the member closes it; the brand it invited sees only the invitation until it joins.
/// </summary>
public sealed class NetworkFlow(BrowserApp app)
{
    [Fact]
    public async Task The_convener_records_a_meeting_with_its_attendance_and_an_action_item_that_the_union_closes()
    {
        var convener = await app.OpenOrganisationAsync("staff@fairthreads.example", DemoAccounts.Password, "Fair Threads Initiative");
        await convener.ClickAsync("nav.org-nav >> text=Networks");
        await convener.ClickAsync($"#networks a >> text={DemoNetworks.TaskForce}");
        await convener.WaitForSelectorAsync("#schedule-meeting");

        // Without a format the form comes back with the message beside the field.
        var title = "Extra meeting " + Guid.NewGuid().ToString("N")[..6];
        await convener.FillAsync("input[name='Schedule.Title']", title);
        await convener.FillAsync("input[name='Schedule.HeldOn']", "2026-11-20");
        await convener.FillAsync("textarea[name='Schedule.Agenda']", "1. Model policy\n2. Cohort");
        await convener.ClickAsync("#schedule-meeting button[type=submit]");
        await convener.WaitForSelectorAsync("#schedule-meeting-format-error");
        await convener.SelectOptionAsync("select[name='Schedule.Format']", "Online");
        await convener.ClickAsync("#schedule-meeting button[type=submit]");
        var meeting = convener.Locator("section.meeting", new() { HasText = title });
        await meeting.WaitForAsync();

        await meeting.Locator("summary >> text=Record the minutes").ClickAsync();
        await meeting.Locator("textarea[name='Minutes.Text']").FillAsync("The members agreed the revised policy.");
        await meeting.Locator("textarea[name='Minutes.Decisions']").FillAsync("Adopt the revised policy.");
        var rows = meeting.Locator(".attendance-row");
        foreach (var (name, women) in new[] { ("Ministry of Labour and Employment (demo)", "2"), ("Garment Employers' Association (demo)", "1"), ("Bangladesh Garment Workers Federation (demo)", "3") })
        {
            await rows.Filter(new() { HasText = name }).Locator("input[name^='Minutes.Women']").FillAsync(women);
        }

        await meeting.Locator("button >> text=Save the minutes").ClickAsync();
        meeting = convener.Locator("section.meeting", new() { HasText = title });
        await meeting.Locator("ol.decisions li", new() { HasText = "Adopt the revised policy." }).WaitForAsync();
        Assert.Equal("Tripartite", (await meeting.Locator(".small .badge").InnerTextAsync()).Trim());

        await meeting.Locator("summary >> text=Add an action item").ClickAsync();
        await meeting.Locator("textarea[name='Action.Description']").FillAsync("Translate the policy into Bengali.");
        await meeting.Locator("select[name='Action.Owner']").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Bangladesh Garment Workers Federation (demo)" });
        await meeting.Locator("input[name='Action.DueOn']").FillAsync("2027-01-31");
        await meeting.Locator("button >> text=Add").ClickAsync();
        await convener.WaitForSelectorAsync("text=Translate the policy into Bengali.");

        var union = await app.OpenOrganisationAsync("officer@bgwf.example", DemoAccounts.Password, "Bangladesh Garment Workers Federation (demo)");
        await union.ClickAsync("nav.org-nav >> text=Networks");
        await union.ClickAsync($"#networks a >> text={DemoNetworks.TaskForce}");
        var action = union.Locator("tr", new() { HasText = "Translate the policy into Bengali." });
        await action.Locator("select[name='Status.Status']").SelectOptionAsync("Done");
        await action.Locator("input[name='Status.Note']").FillAsync("Sent to the members.");
        await action.Locator("button >> text=Save").ClickAsync();
        await union.Locator("tr", new() { HasText = "Sent to the members." }).WaitForAsync();

        var brand = await app.OpenOrganisationAsync("brand@northwind.example", DemoAccounts.Password, "Northwind Apparel");
        await brand.ClickAsync("nav.org-nav >> text=Networks");
        await brand.ClickAsync($"#networks a >> text={DemoNetworks.TaskForce}");
        await brand.WaitForSelectorAsync("#network-invitation");
        Assert.Equal(0, await brand.Locator("section.meeting").CountAsync());
        await brand.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "network-invitation.png"), FullPage = true });
    }
}
