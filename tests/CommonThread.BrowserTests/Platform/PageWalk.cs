using System.Diagnostics;
using System.Text.RegularExpressions;
using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Organisations;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Platform;

/// <summary>
/// Walks every page a demo account of each organisation kind is offered — its navigation, and from
/// every list the first row's page — plus the public and worker pages, and checks each at 360 px (no
/// sideways scroll, every list value labelled, axe) and at 1280 px (axe). One page of each kind of
/// address is enough: the second facility's page is the first's with other words.
/// </summary>
public sealed partial class PageWalk(BrowserApp app)
{
    /// <summary>A walk that never ends is a bug in the walk; no account is offered this many kinds of page.</summary>
    private const int MostPages = 80;

    public static TheoryData<OrganisationKind> Kinds =>
        [OrganisationKind.Brand, OrganisationKind.Supplier, OrganisationKind.Intermediary, OrganisationKind.Union, OrganisationKind.Initiative, OrganisationKind.PlatformAdmin];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_page_an_organisation_kind_is_offered_fits_a_phone_labels_its_values_and_has_no_serious_accessibility_violation(OrganisationKind kind)
    {
        var account = DemoAccounts.All.First(o => o.Kind == kind);
        var clock = Stopwatch.StartNew();
        var page = await NewPageAsync();
        await BrowserApp.SignInAsync(page, account.OwnerEmail, DemoAccounts.Password);
        if (kind == OrganisationKind.PlatformAdmin)
        {
            await SubmitAdminCodeAsync(page);
            await page.GotoAsync("/");
        }
        else
        {
            await page.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }

        await page.ClickAsync($"main >> text={account.Name}");
        await page.WaitForURLAsync("**/o/**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var organisation = new Uri(page.Url).AbsolutePath;

        var (visited, problems) = await WalkAsync(page, [organisation, "/", "/notifications", "/account/two-factor"],
            path => path.StartsWith(organisation, StringComparison.Ordinal) || path.StartsWith("/admin/", StringComparison.Ordinal));

        await ReportAsync($"{kind} ({account.OwnerEmail})", visited, clock.Elapsed);
        // The platform admin is offered few tabs (no chain, no homework, no audits): fewer pages, still a real walk.
        var atLeast = kind == OrganisationKind.PlatformAdmin ? 8 : 12;
        Assert.True(visited.Count >= atLeast, $"only {visited.Count} pages reached: {string.Join(", ", visited)}");
        Assert.True(problems.Count == 0, $"{problems.Count} problems on {visited.Count} pages:\n{string.Join("\n", problems)}");
    }

    /// <summary>
    /// The code step; a code already used (another flow signed the admin in within the same 30 s) is
    /// refused, so a refused code is retried once with the next one.
    /// </summary>
    private static async Task SubmitAdminCodeAsync(IPage page)
    {
        await page.WaitForURLAsync("**/account/login/two-factor**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await page.FillAsync("#code", Totp.Code(DemoAccounts.AdminAuthenticatorKey, TimeProvider.System.GetUtcNow()));
            await page.ClickAsync("form.form button[type=submit]");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(31 - (TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() % 30)));
        }
    }

    [Fact]
    public async Task Every_public_and_worker_page_fits_a_phone_and_has_no_serious_accessibility_violation()
    {
        var clock = Stopwatch.StartNew();
        var page = await NewPageAsync();
        var code = DemoGrievances.ChannelCode;

        var (visited, problems) = await WalkAsync(page,
            ["/account/login", $"/r/{code}", $"/r/{code}/procedure", $"/r/{code}/poster", "/follow-up", "/passbook", "/not-found"],
            _ => false);

        await ReportAsync("signed out", visited, clock.Elapsed);
        Assert.Equal(7, visited.Count);
        Assert.True(problems.Count == 0, $"{problems.Count} problems on {visited.Count} pages:\n{string.Join("\n", problems)}");
    }

    /// <summary>
    /// A context of its own (signed in as one account) that lets axe-core be injected: the pages' policy
    /// allows only their own scripts, and axe is not one of them.
    /// </summary>
    private async Task<IPage> NewPageAsync()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = PageChecks.Desktop, BypassCSP = true });
        return await context.NewPageAsync();
    }

    /// <summary>Visits the start pages, then every page linked from them that <paramref name="follow"/> allows, one of each kind of address.</summary>
    private static async Task<(List<string> Visited, List<string> Problems)> WalkAsync(IPage page, IReadOnlyList<string> start, Func<string, bool> follow)
    {
        var visited = new List<string>();
        var problems = new List<string>();
        var kindsSeen = start.Select(KindOfAddress).ToHashSet();
        var queue = new Queue<string>(start);
        while (queue.TryDequeue(out var address) && visited.Count < MostPages)
        {
            await page.SetViewportSizeAsync(PageChecks.Desktop.Width, PageChecks.Desktop.Height);
            var response = await page.GotoAsync(address);
            visited.Add(address);
            if (response is null || response.Status >= 400)
            {
                problems.Add($"{address}: answered {response?.Status}");
                continue;
            }

            problems.AddRange((await PageChecks.AccessibilityViolationsAsync(page)).Select(p => $"{address} at 1280 px: {p}"));
            await page.SetViewportSizeAsync(PageChecks.Phone.Width, PageChecks.Phone.Height);
            problems.AddRange((await PageChecks.SidewaysScrollAsync(page)).Select(p => $"{address} at 360 px: {p}"));
            problems.AddRange((await PageChecks.UnlabelledValuesAsync(page)).Select(p => $"{address} at 360 px: {p}"));
            problems.AddRange((await PageChecks.AccessibilityViolationsAsync(page)).Select(p => $"{address} at 360 px: {p}"));

            foreach (var link in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"))
            {
                if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !link.StartsWith(new Uri(page.Url).GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
                {
                    continue;
                }

                if (follow(uri.AbsolutePath) && IsPage(uri.AbsolutePath) && kindsSeen.Add(KindOfAddress(uri.PathAndQuery)))
                {
                    queue.Enqueue(uri.PathAndQuery);
                }
            }
        }

        return (visited, problems);
    }

    /// <summary>Downloads (CSV, XLSX, PDF, pictures) and the API are not pages to lay out.</summary>
    private static bool IsPage(string path) =>
        !path.Contains("/api/", StringComparison.Ordinal) && !FileExtension().IsMatch(path) && !path.EndsWith("/download", StringComparison.Ordinal);

    /// <summary>The address with its ids and query left out: /o/{id}/facilities/{id}.</summary>
    private static string KindOfAddress(string address) => Id().Replace(address.Split('?')[0], "{id}");

    private static async Task ReportAsync(string who, List<string> visited, TimeSpan took)
    {
        var line = $"{who}: {visited.Count} pages in {took.TotalSeconds:0.0} s: {string.Join(" ", visited)}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(BrowserApp.ArtifactsFolder, "page-walk.txt"), line + Environment.NewLine);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Id();

    [GeneratedRegex(@"\.[a-z0-9]{2,5}$")]
    private static partial Regex FileExtension();
}
