using System.Net;
using System.Net.Http.Headers;
using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Organisations;

public sealed class MembersAndTokensFlow(BrowserApp app)
{
    private Task<IPage> OpenOrganisationAsync(string email, string organisation, ViewportSize? viewport = null) =>
        app.OpenOrganisationAsync(email, DemoAccounts.Password, organisation, viewport);

    [Fact]
    public async Task A_demo_brand_owner_signs_in_to_the_dashboard_kept_as_a_screenshot()
    {
        var page = await OpenOrganisationAsync("brand@northwind.example", "Northwind Apparel");

        Assert.Equal("Northwind Apparel", (await page.TextContentAsync("main h1"))?.Trim());
        var file = Path.Combine(BrowserApp.ArtifactsFolder, "dashboard.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 5_000);

        var phone = await OpenOrganisationAsync("brand@northwind.example", "Northwind Apparel", new() { Width = 360, Height = 740 });
        var overflow = await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "dashboard-phone.png"), FullPage = true });
        Assert.False(overflow, "the dashboard scrolls sideways on a 360 px phone");
    }

    [Fact]
    public async Task On_a_phone_the_organisation_tabs_fold_into_a_menu_that_names_the_page_and_opens_without_script()
    {
        var phone = await OpenOrganisationAsync("brand@northwind.example", "Northwind Apparel", new() { Width = 360, Height = 740 });

        Assert.False(await phone.IsVisibleAsync(".org-tabs"), "the tabs are shown as a row on a phone");
        Assert.Equal("Menu: Dashboard", (await phone.TextContentAsync(".org-menu summary"))?.Trim());
        var navHeight = await phone.EvaluateAsync<double>("document.querySelector('nav.org-nav').getBoundingClientRect().height");
        Assert.True(navHeight < 120, $"the organisation's navigation takes {navHeight} px of a 740 px screen");

        await phone.ClickAsync(".org-menu summary");
        await phone.ClickAsync(".org-menu a:text-is('Facilities')");
        await phone.WaitForURLAsync("**/facilities", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal("Menu: Facilities", (await phone.TextContentAsync(".org-menu summary"))?.Trim());
        Assert.Equal("page", await phone.GetAttributeAsync(".org-menu a:text-is('Facilities')", "aria-current"));

        // A wide screen shows the tabs as a row and no menu.
        var wide = await OpenOrganisationAsync("brand@northwind.example", "Northwind Apparel");
        Assert.True(await wide.IsVisibleAsync(".org-tabs a:text-is('Facilities')"));
        Assert.False(await wide.IsVisibleAsync(".org-menu"));
    }

    [Fact]
    public async Task An_owner_invites_a_member_who_joins_through_the_link()
    {
        var page = await OpenOrganisationAsync("brand@meridian.example", "Meridian Outfitters");
        await page.ClickAsync("nav.org-nav >> text=Members");
        var email = $"invitee{Guid.NewGuid():N}@test.example";

        await page.FillAsync("#invite-email", email);
        await page.SelectOptionAsync("#invite-role", "Editor");
        await page.ClickAsync("form.form:has(#invite-email) button[type=submit]");
        var link = (await page.TextContentAsync("#invitation-url"))!.Trim();

        var invitee = await app.NewPageAsync(new() { Width = 360, Height = 740 });
        await invitee.GotoAsync(link);
        await invitee.FillAsync("#display-name", "Invited Person");
        await invitee.FillAsync("#new-password", "invited-password-99");
        await invitee.ClickAsync("form.form button[type=submit]");
        await invitee.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        Assert.Contains("Meridian Outfitters", await invitee.TextContentAsync("main") ?? "");
        await page.ReloadAsync();
        Assert.Contains(email, await page.TextContentAsync("#members") ?? "");
    }

    [Fact]
    public async Task An_owner_creates_a_token_that_works_and_revokes_it()
    {
        var page = await OpenOrganisationAsync("brand@solstice.example", "Solstice Sportswear");
        await page.ClickAsync("nav.org-nav >> text=API tokens");

        await page.FillAsync("#token-name", "Browser test");
        await page.SelectOptionAsync("#token-role", "Viewer");
        await page.ClickAsync("form.form button[type=submit]");
        var secret = (await page.TextContentAsync("#new-token-secret"))!.Trim();
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);

        await page.ClickAsync("#tokens tr:has-text('Browser test') button:has-text('Revoke')");
        // Revoking asks once more, naming the token.
        await page.WaitForSelectorAsync("#confirm-revoke:has-text('Browser test')");
        await page.ClickAsync("#confirm-revoke button:has-text('Revoke it')");
        await page.WaitForSelectorAsync("#tokens tr:has-text('Browser test') .token-status:has-text('Revoked')");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        Assert.DoesNotContain(secret, await page.ContentAsync());
    }
}
