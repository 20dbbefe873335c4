using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Data;
using CommonThread.Web.Demo;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.BrowserTests.SupplyChain;

/// <summary>Claims take effect when the other side confirms them, through the pages: a brand's link and a union's presence.</summary>
public sealed class ConfirmationFlow(BrowserApp app)
{
    private const string Password = "browser-password-2026";

    /// <summary>A new organisation with one owner, and (for a brand) its claim on a demo facility made as the API would.</summary>
    private async Task<(string Email, Organisation Organisation)> NewOrganisationAsync(OrganisationKind kind, string? claimsFacility = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationService>().CreateAsync($"Browser {kind} {Guid.NewGuid():N}"[..24], kind, "DE", default);
        if (claimsFacility is not null)
        {
            var facility = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Facility>().SingleAsync(f => f.Name == claimsFacility);
            await scope.ServiceProvider.GetRequiredService<SupplyChainService>().LinkAsync(new OrganisationAccess(organisation, MemberRole.Owner),
                new SupplyLinkInput { FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2026, 3, 1) }, default);
        }

        return (await app.NewMemberAsync(organisation.Name, MemberRole.Owner, Password), organisation);
    }

    /// <summary>A fresh supplier's facility whose grievance mechanism Fair Threads mediates: that tie lets Fair Threads verify a union there.</summary>
    private async Task<Guid> NewFacilityMediatedByFairThreadsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var supplier = new OrganisationAccess(await services.GetRequiredService<OrganisationService>().CreateAsync($"Browser supplier {Guid.NewGuid():N}"[..28], OrganisationKind.Supplier, "BD", default), MemberRole.Owner);
        var facility = await services.GetRequiredService<SupplyChainService>().CreateFacilityAsync(supplier,
            new FacilityInput { Name = "Browser union unit", Address = "9 Test Road, Savar", CountryCode = "BD" }, default);
        var fairThreads = await services.GetRequiredService<AppDbContext>().Set<Organisation>().SingleAsync(o => o.Name == "Fair Threads Initiative");
        var mechanisms = services.GetRequiredService<CommonThread.Web.Grievances.MechanismService>();
        await mechanisms.SaveAsync(supplier, new CommonThread.Web.Grievances.MechanismInput { Name = "Browser mechanism", MediatorOrganisationId = fairThreads.Id }, default);
        await mechanisms.AddChannelAsync(supplier, new CommonThread.Web.Grievances.ChannelInput { FacilityId = facility.Id }, default);
        return facility.Id;
    }

    [Fact]
    public async Task A_brands_link_awaits_the_supplier_who_confirms_it_and_the_brand_then_sees_the_facility_in_its_chain()
    {
        var (brandEmail, brand) = await NewOrganisationAsync(OrganisationKind.Brand, claimsFacility: "Mekong Garments Long An Factory");
        var brandPage = await app.OpenOrganisationAsync(brandEmail, Password, brand.Name);
        await brandPage.ClickAsync("nav.org-nav >> text=Facilities");
        Assert.Contains("Awaiting confirmation", await brandPage.TextContentAsync("#facilities tr:has-text('Mekong Garments Long An Factory')") ?? "");
        await brandPage.ClickAsync("#facilities >> text=Mekong Garments Long An Factory");
        await brandPage.WaitForSelectorAsync("#claim-status");
        await brandPage.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "link-awaiting.png"), FullPage = true });

        var supplier = await app.OpenOrganisationAsync("compliance@mekong.example", DemoAccounts.Password, "Mekong Garments Co.");
        await supplier.ClickAsync("nav.org-nav >> text=Links to confirm");
        var row = $"#link-claims tr:has-text('{brand.Name}')";
        Assert.Contains("Awaiting confirmation", await supplier.TextContentAsync(row) ?? "");
        await supplier.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "links-to-confirm.png"), FullPage = true });
        await supplier.ClickAsync($"{row} button:has-text('Confirm')");
        await supplier.WaitForSelectorAsync("#links-message >> text=1 link confirmed.");
        Assert.Contains("Confirmed", await supplier.TextContentAsync(row) ?? "");

        await brandPage.ClickAsync("nav.org-nav >> text=Facilities");
        var confirmed = await brandPage.TextContentAsync("#facilities tr:has-text('Mekong Garments Long An Factory')") ?? "";
        Assert.Contains("Tier 1", confirmed);
        Assert.DoesNotContain("Awaiting confirmation", confirmed);
    }

    [Fact]
    public async Task A_union_claims_its_presence_and_an_initiative_tied_to_the_facility_verifies_it()
    {
        var (unionEmail, union) = await NewOrganisationAsync(OrganisationKind.Union);
        var facilityId = await NewFacilityMediatedByFairThreadsAsync();
        var unionPage = await app.OpenOrganisationAsync(unionEmail, Password, union.Name);
        await unionPage.ClickAsync("nav.org-nav >> text=Union presence");
        await unionPage.FillAsync("input[name='Claim.Facility']", facilityId.ToString());
        await unionPage.FillAsync("textarea[name='Claim.Evidence']", "Registered union, registration no. B-9001");
        await unionPage.ClickAsync("#presence-claim-form button[type=submit]");
        await unionPage.WaitForSelectorAsync("#presence-message >> text=Your claim awaits verification.");
        Assert.Contains("Awaiting verification", await unionPage.TextContentAsync("#presence") ?? "");

        var initiative = await app.OpenOrganisationAsync("staff@fairthreads.example", DemoAccounts.Password, "Fair Threads Initiative");
        await initiative.ClickAsync("nav.org-nav >> text=Union presence");
        var row = $"#presence tr:has-text('{union.Name}')";
        await initiative.SelectOptionAsync($"{row} select[name='Decision.Evidence']", "RegistrationNumber");
        await initiative.FillAsync($"{row} input[name='Decision.Note']", "Registration certificate B-9001 seen");
        await initiative.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "union-presence-verify.png"), FullPage = true });
        await initiative.ClickAsync($"{row} button:has-text('Verify')");
        await initiative.WaitForSelectorAsync("#presence-message");
        Assert.Contains("Verified", await initiative.TextContentAsync(row) ?? "");

        await unionPage.ClickAsync("nav.org-nav >> text=Facilities");
        var facility = await unionPage.TextContentAsync("#facilities tr:has-text('Browser union unit')") ?? "";
        Assert.Contains("Union verified here", facility);
        Assert.DoesNotContain("Awaiting", facility);
    }
}
