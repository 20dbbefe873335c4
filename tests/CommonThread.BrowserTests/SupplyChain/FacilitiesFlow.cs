using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;

namespace CommonThread.BrowserTests.SupplyChain;

public sealed class FacilitiesFlow(BrowserApp app)
{
    [Fact]
    public async Task A_brand_sees_its_chain_down_to_the_homework_centre()
    {
        var page = await app.OpenOrganisationAsync("brand@solstice.example", DemoAccounts.Password, "Solstice Sportswear");

        await page.ClickAsync("nav.org-nav >> text=Facilities");
        var rows = await page.TextContentAsync("#facilities") ?? "";
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "facilities.png"), FullPage = true });

        Assert.Contains("Tiruppur Textiles Unit 2", rows);
        Assert.Contains("ITUC rating 5 (2021)", rows);
        Assert.Contains("Sunrise homework centre, Palladam", rows);
        Assert.DoesNotContain("Dhaka Knitwear", rows);
        Assert.Equal(0, await page.Locator("#facility-name").CountAsync());
        Assert.Equal(1, await page.Locator("a[href$='/foa-summary.csv']").CountAsync());
    }

    [Fact]
    public async Task A_supplier_adds_a_facility_and_a_bad_country_is_shown_back()
    {
        var page = await app.OpenOrganisationAsync("compliance@tiruppur.example", DemoAccounts.Password, "Tiruppur Textiles Pvt");
        await page.ClickAsync("nav.org-nav >> text=Facilities");

        await page.FillAsync("#facility-name", "Tiruppur Textiles Unit 3");
        await page.FillAsync("#facility-address", "Avinashi Road, Tiruppur 641603");
        await page.FillAsync("#facility-country", "QQ");
        await page.ClickAsync("form.form button[type=submit]");
        Assert.Contains("not an ISO 3166-1", await page.TextContentAsync(".error") ?? "");
        Assert.Equal("Tiruppur Textiles Unit 3", await page.InputValueAsync("#facility-name"));

        await page.FillAsync("#facility-country", "IN");
        await page.FillAsync("#facility-women", "120");
        await page.FillAsync("#facility-men", "40");
        await page.ClickAsync("form.form button[type=submit]");

        await page.WaitForSelectorAsync("#facilities tr:has-text('Tiruppur Textiles Unit 3')");
        Assert.Contains("120 / 40 / 160", await page.TextContentAsync("#facilities tr:has-text('Tiruppur Textiles Unit 3')") ?? "");
    }

    [Fact]
    public async Task A_supplier_corrects_its_facility_and_out_of_range_coordinates_are_shown_back()
    {
        var page = await app.OpenOrganisationAsync("compliance@mekong.example", DemoAccounts.Password, "Mekong Garments Co.");
        await page.ClickAsync("nav.org-nav >> text=Facilities");
        await page.ClickAsync("#facilities >> text=Mekong Garments Long An Factory");

        await page.FillAsync("#edit-lat", "95");
        await page.FillAsync("#edit-sector", "Apparel");
        await page.ClickAsync("form:has(#edit-name) button[type=submit]");
        Assert.Contains("Between -90 and 90", await page.TextContentAsync("form:has(#edit-name)") ?? "");
        Assert.Equal("Apparel", await page.InputValueAsync("#edit-sector"));

        await page.FillAsync("#edit-lat", "10.65");
        await page.ClickAsync("form:has(#edit-name) button[type=submit]");
        await page.WaitForSelectorAsync("#foa-message");
        await page.ReloadAsync();
        Assert.Equal("Apparel", await page.InputValueAsync("#edit-sector"));
        Assert.Equal("10.65", await page.InputValueAsync("#edit-lat"));
    }
}
