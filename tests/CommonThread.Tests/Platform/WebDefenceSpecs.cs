using System.Net;
using CommonThread.Tests.Infrastructure;

namespace CommonThread.Tests.Platform;

/// <summary>The web's own defences: headers on every kind of response, and a language switch that never leaves the site.</summary>
public abstract class WebDefenceSpecs(TestApp app)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/r/dhaka1")]
    [InlineData("/api/country-context")]
    [InlineData("/no-such-page")]
    [InlineData("/alive")]
    public async Task Every_response_carries_a_strict_policy_and_the_other_defence_headers(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only over HTTPS");
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/ /evil.example")]
    public async Task The_language_switch_sends_a_foreign_return_address_home_instead_of_failing(string returnUrl)
    {
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/account/login", "culture", new() { ["culture"] = "es", ["returnUrl"] = returnUrl }, postTo: "/culture");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}

public sealed class WebDefenceSpecsOnSqlite(SqliteApp app) : WebDefenceSpecs(app);

/// <summary>Another site's page cannot change anything through the API with the visitor's sign-in cookie.</summary>
public abstract class CrossSiteApiSpecs(TestApp app)
{
    private async Task<(HttpClient Cookie, HttpClient Token, string Path)> SupplierAsync()
    {
        var organisation = await app.NewOrganisationAsync(CommonThread.Web.Organisations.OrganisationKind.Supplier);
        var member = await app.NewMemberAsync(organisation.Name, CommonThread.Web.Organisations.MemberRole.Owner);
        return (await app.SignedInAsync(member.Email, TestMember.Password), await app.ClientForAsync(member), $"/api/organisations/{organisation.Id}/facilities");
    }

    private static HttpRequestMessage Post(string path, string name, string? origin = null, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($$"""{"name":"{{name}}","address":"1 Test Road","countryCode":"BD"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    private Task<int> CountAsync(string name) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<CommonThread.Web.SupplyChain.Facility>(), f => f.Name == name));

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    [InlineData("null", null)]
    public async Task A_cookie_signed_post_from_another_site_is_refused_and_writes_nothing(string? origin, string? fetchSite)
    {
        var (cookie, _, path) = await SupplierAsync();
        var name = $"Cross-site {Guid.NewGuid():N}";

        var response = await cookie.SendAsync(Post(path, name, origin, fetchSite));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task The_sites_own_pages_and_token_clients_still_change_things()
    {
        var (cookie, token, path) = await SupplierAsync();
        var sameSite = $"Same site {Guid.NewGuid():N}";
        var withToken = $"Token {Guid.NewGuid():N}";

        (await cookie.SendAsync(Post(path, sameSite, "http://localhost", "same-origin"))).EnsureSuccessStatusCode();
        (await token.SendAsync(Post(path, withToken, "https://evil.example", "cross-site"))).EnsureSuccessStatusCode();

        Assert.Equal(1, await CountAsync(sameSite));
        Assert.Equal(1, await CountAsync(withToken));
    }
}

public sealed class CrossSiteApiSpecsOnSqlite(SqliteApp app) : CrossSiteApiSpecs(app);
