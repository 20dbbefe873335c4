using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Platform;

/// <summary>The defence headers reach a real browser, and the strict policy blocks nothing the pages need.</summary>
public sealed class WebDefenceFlow(BrowserApp app)
{
    [Fact]
    public async Task Pages_arrive_with_the_defence_headers_and_nothing_they_need_is_blocked_by_the_policy()
    {
        var page = await app.OpenOrganisationAsync("brand@solstice.example", DemoAccounts.Password, "Solstice Sportswear");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        foreach (var path in new[] { "/r/dhaka1", "/account/login", "/follow-up" })
        {
            var response = await page.GotoAsync(path);
            var headers = await response!.AllHeadersAsync();
            Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("DENY", headers["x-frame-options"]);
            Assert.Equal("no-referrer", headers["referrer-policy"]);
        }

        await page.GotoAsync("/");
        await page.ClickAsync("text=Solstice Sportswear");
        await page.ClickAsync("nav.org-nav >> text=Map");
        await page.WaitForSelectorAsync("#facility-map");
        await page.ClickAsync("nav.org-nav >> text=Chain");
        await page.WaitForSelectorAsync("#chain-picture");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(violations);
    }
}
