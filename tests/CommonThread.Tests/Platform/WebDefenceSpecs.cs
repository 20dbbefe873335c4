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
