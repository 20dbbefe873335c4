using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.SupplyChain;

/// <summary>
/// The map page in a real browser: with JavaScript, Leaflet (our own files, under the site's strict
/// Content-Security-Policy) in place of the picture, circles from the server and a pop-up that counts;
/// without JavaScript, the server's SVG picture as it always was.
/// </summary>
public sealed class FacilityMapFlow(BrowserApp app)
{
    private const string Password = "browser-map-flow-2026";

    /// <summary>A fresh brand buying from five facilities in Dhaka (two with a union) and one in Phnom Penh, and a viewer of it.</summary>
    private async Task<(string Email, Guid Brand)> ChainAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var brand = new Organisation { Name = $"Map Brand {Guid.NewGuid():N}", Kind = OrganisationKind.Brand, CreatedAt = DateTimeOffset.UnixEpoch };
        var supplier = new Organisation { Name = $"Map Supplier {Guid.NewGuid():N}", Kind = OrganisationKind.Supplier, CreatedAt = DateTimeOffset.UnixEpoch };
        db.AddRange(brand, supplier);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        Facility At(string name, string country, double lat, double lon) => new()
        {
            OperatorOrganisationId = supplier.Id, Name = name, Address = "Plot 1", CountryCode = country, Latitude = lat, Longitude = lon, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var dhaka = Enumerable.Range(0, 5).Select(i => At($"Dhaka Browser Unit {i}", "BD", 23.80 + (i * 0.001), 90.40)).ToList();
        var phnomPenh = At("Phnom Penh Browser Unit", "KH", 11.55, 104.90);
        List<Facility> facilities = [.. dhaka, phnomPenh];
        db.AddRange(facilities);
        db.AddRange(facilities.Select(f => new SupplyLink
        {
            BuyerOrganisationId = brand.Id, FacilityId = f.Id, Tier = 1, StartDate = today.AddYears(-1), Status = LinkStatus.Confirmed, CreatedAt = DateTimeOffset.UnixEpoch,
        }));
        db.AddRange(dhaka.Take(2).Select(f => new FoaFact
        {
            FacilityId = f.Id, Kind = FoaFactKind.Union, Source = FactSource.SelfDeclared, ObservedOn = today.AddMonths(-1), Name = "Union",
            RecordedByOrganisationId = supplier.Id, RecordedAt = DateTimeOffset.UnixEpoch,
        }));
        await db.SaveChangesAsync();
        return (await app.NewMemberAsync(brand.Name, MemberRole.Viewer, Password), brand.Id);
    }

    private async Task<IPage> SignedInAsync(string email, bool javaScript, bool bypassPolicy = false)
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = PageChecks.Desktop, JavaScriptEnabled = javaScript, BypassCSP = bypassPolicy });
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, Password);
        await page.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    [Fact]
    public async Task With_javascript_the_map_is_leaflet_with_the_servers_circles_and_a_pop_up_that_counts()
    {
        var (email, brand) = await ChainAsync();
        var page = await SignedInAsync(email, javaScript: true);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync($"/o/{brand}/map");
        await page.WaitForSelectorAsync("#facility-map-live[data-zoom] .map-point");
        await page.WaitForSelectorAsync("#facility-map-live path", new() { State = WaitForSelectorState.Attached });

        Assert.True(await page.IsVisibleAsync("#facility-map-live.leaflet-container"));
        // The picture is out of sight but not gone: screen readers still read its circles' names.
        Assert.True((await page.Locator("#facility-map").BoundingBoxAsync())!.Width <= 1);
        Assert.Equal(0, await page.Locator("#facility-map a[tabindex='-1']").CountAsync() - await page.Locator("#facility-map a").CountAsync());
        Assert.True(await page.Locator("#facility-map-live path").CountAsync() > 150, "the country shapes are drawn");
        Assert.Equal("Interactive map of facilities", await page.GetAttributeAsync("#facility-map-live", "aria-label"));
        var group = page.Locator("#facility-map-live .map-group");
        Assert.Equal(1, await group.CountAsync());
        Assert.Equal("5", (await group.TextContentAsync())?.Trim());
        Assert.Equal(1, await page.Locator("#facility-map-live .map-single").CountAsync());

        await group.ClickAsync();
        var popup = page.Locator(".leaflet-popup-content");
        await popup.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "facility-map-leaflet.png") });

        Assert.Contains("5 facilities here, 2 with a union", await popup.TextContentAsync());
        Assert.Equal($"/o/{brand}/facilities?country=BD", await popup.Locator("a").GetAttributeAsync("href"));
        Assert.Equal("Close", await page.GetAttributeAsync(".leaflet-popup-close-button", "aria-label"));

        await page.ClickAsync("#facility-map-live .map-single");
        // The cluster's pop-up closes as this one opens (it may still be fading): the facility's own link is looked for.
        var facility = page.Locator(".leaflet-popup-content a", new() { HasText = "Phnom Penh Browser Unit" });
        await facility.WaitForAsync();
        Assert.Matches($"/o/{brand}/facilities/[0-9a-f-]{{36}}$", await facility.GetAttributeAsync("href") ?? "");
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Zooming_in_asks_the_server_for_finer_circles()
    {
        var (email, brand) = await ChainAsync();
        var page = await SignedInAsync(email, javaScript: true);
        await page.GotoAsync($"/o/{brand}/map");
        await page.WaitForSelectorAsync("#facility-map-live[data-zoom] .map-point");
        var before = int.Parse(await page.GetAttributeAsync("#facility-map-live", "data-zoom") ?? "", System.Globalization.CultureInfo.InvariantCulture);

        var answer = page.WaitForResponseAsync(r => r.Url.Contains("/map/clusters", StringComparison.Ordinal) && r.Url.Contains($"zoom={before + 1}", StringComparison.Ordinal));
        await page.ClickAsync(".leaflet-control-zoom-in");
        Assert.Equal(200, (await answer).Status);
        await page.WaitForSelectorAsync($"#facility-map-live[data-zoom='{before + 1}']");

        Assert.Equal("Zoom in", await page.GetAttributeAsync(".leaflet-control-zoom-in", "aria-label"));
    }

    [Fact]
    public async Task Without_javascript_the_map_is_the_servers_svg_picture()
    {
        var (email, brand) = await ChainAsync();
        var page = await SignedInAsync(email, javaScript: false);

        await page.GotoAsync($"/o/{brand}/map");

        Assert.True(await page.IsVisibleAsync("svg#facility-map"));
        Assert.False(await page.IsVisibleAsync("#facility-map-live"));
        Assert.Equal(0, await page.Locator(".leaflet-container").CountAsync());
        Assert.Contains("5 facilities here, 2 with a union", await page.TextContentAsync("svg#facility-map .map-cluster title"));
        Assert.Equal(1, await page.Locator("svg#facility-map .map-marker").CountAsync());
    }

    [Fact]
    public async Task The_leaflet_map_with_a_pop_up_open_has_no_serious_accessibility_violation_at_either_width()
    {
        var (email, brand) = await ChainAsync();
        // axe is injected as a script of its own, which the site's policy rightly refuses: this page lets it in.
        var page = await SignedInAsync(email, javaScript: true, bypassPolicy: true);
        await page.GotoAsync($"/o/{brand}/map");
        await page.WaitForSelectorAsync("#facility-map-live[data-zoom] .map-group");
        await page.ClickAsync("#facility-map-live .map-group");
        await page.Locator(".leaflet-popup-content").WaitForAsync();
        // The pop-up fades in and out: axe measures contrast through its opacity, so it is checked once shown.
        const string Settled = "() => [...document.querySelectorAll('.leaflet-popup')].every(p => getComputedStyle(p).opacity === '1')";
        await page.WaitForFunctionAsync(Settled);

        var desktop = await PageChecks.AccessibilityViolationsAsync(page);
        var loads = int.Parse(await page.GetAttributeAsync("#facility-map-live", "data-loaded") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await page.SetViewportSizeAsync(PageChecks.Phone.Width, PageChecks.Phone.Height);
        // The narrower map asks for its circles again; the pop-up stays open through it.
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('#facility-map-live').dataset.loaded) > {loads}");
        await page.WaitForFunctionAsync(Settled);
        Assert.Equal(1, await page.Locator(".leaflet-popup-content").CountAsync());
        var sideways = await PageChecks.SidewaysScrollAsync(page);
        var phone = await PageChecks.AccessibilityViolationsAsync(page);

        Assert.True(desktop.Count == 0, string.Join("\n", desktop));
        Assert.True(sideways.Count == 0, string.Join("\n", sideways));
        Assert.True(phone.Count == 0, string.Join("\n", phone));
    }
}
