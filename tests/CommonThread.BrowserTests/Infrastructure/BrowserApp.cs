using CommonThread.Data;
using CommonThread.Web.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real loopback port (Kestrel) with demo data, and Debian's Chromium driven by
/// Playwright. Chromium is the system one (CT_CHROMIUM or /usr/bin/chromium): nothing is downloaded.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"commonthread-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots kept as test artifacts, under artifacts/screenshots at the repository root.</summary>
    public static string ArtifactsFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("CT_ARTIFACTS")
                ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "screenshots"));
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databaseFile}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
    }

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest keep it off the closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await WarmUpAsync();
    }

    /// <summary>
    /// Opens every tab once before the first flow: a freshly started app spends its first requests
    /// compiling (on two busy cores, long enough for the first flow's clicks to pass Playwright's
    /// 30 s), and which flow runs first should not decide whether it passes. Each tab is waited for
    /// until its document has come (what compiles is the server's page, not the browser's later
    /// requests), never until the network is idle, a signal that may not come on a busy machine; and
    /// a tab that does not answer in time is passed over: the warm-up is a courtesy to the flows, and
    /// a flow that needs the tab says what failed in its own words instead of every flow failing here.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var page = await NewPageAsync();
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        try
        {
            await SignInAsync(page, "brand@meridian.example", Web.Demo.DemoAccounts.Password);
            await page.WaitForURLAsync(BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.ClickAsync("text=Meridian Outfitters");
            await page.WaitForSelectorAsync("nav.org-nav");
            var tabs = new List<string>();
            foreach (var tab in new[] { "Facilities", "Chain", "Map", "Imports", "Grievances", "Homework", "Members", "API tokens", "Dashboard" })
            {
                tabs.Add(await page.GetAttributeAsync($"nav.org-nav >> text={tab}", "href") ?? "/");
            }

            foreach (var tab in tabs)
            {
                await page.GotoAsync(tab, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            }
        }
        catch (Exception e) when (e is System.TimeoutException or PlaywrightException)
        {
            Console.WriteLine($"Browser warm-up passed over a page that did not answer in time: {e.Message.Split('\n')[0]}");
        }

        await page.Context.CloseAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = viewport ?? new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>A new person with a role in the named organisation, made directly in the database.</summary>
    public async Task<string> NewMemberAsync(string organisationName, MemberRole role, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = await db.Set<Organisation>().SingleAsync(o => o.Name == organisationName);
        var email = $"b{Guid.NewGuid():N}@test.example";
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Browser " + role, EmailConfirmed = true };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, password);
        Assert.True(result.Succeeded);
        db.Add(new Membership { OrganisationId = organisation.Id, UserId = user.Id, Role = role, JoinedAt = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>Signs in and opens the organisation's dashboard from the list of one's organisations.</summary>
    public async Task<IPage> OpenOrganisationAsync(string email, string password, string organisation, ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(viewport);
        await SignInAsync(page, email, password);
        await page.WaitForURLAsync(BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.ClickAsync($"text={organisation}");
        await page.WaitForSelectorAsync("#member-count");
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form.form button[type=submit]");
    }
}
