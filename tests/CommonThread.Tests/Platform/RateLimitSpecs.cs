using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Platform;

/// <summary>Apps of their own, with limits small enough to reach in a test.</summary>
public sealed class StrictSignInApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("RateLimits:SignInPerMinute", "3")];
}

public sealed class StrictTokenCreationApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("RateLimits:TokenCreationPerMinute", "2")];
}

public sealed class StrictReceiptCodeApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("RateLimits:WrongReceiptCodesPer15Minutes", "3")];
}

public sealed class ReceiptCodeRateLimitSpecs(StrictReceiptCodeApp app) : IClassFixture<StrictReceiptCodeApp>
{
    [Fact]
    public async Task Guessing_receipt_codes_is_stopped_after_a_few_wrong_tries_from_one_address_with_a_message_in_the_page()
    {
        var reporter = new CommonThread.Tests.Grievances.Reporter(app);
        var pages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            pages.Add(await reporter.FollowUpAsync($"0000 0000 0000 000{i}"));
        }

        var page = await reporter.Client.GetStringAsync("/follow-up");
        var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        var fourth = await reporter.Client.PostAsync("/follow-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "open", ["__RequestVerificationToken"] = token, ["Code"] = "0000 0000 0000 0009",
        }));

        Assert.All(pages, p => Assert.Contains("No case has this code", p, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Too many tries", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SignInRateLimitSpecs(StrictSignInApp app) : IClassFixture<StrictSignInApp>
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_while_the_page_still_loads()
    {
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = "nobody@test.example", ["Input.Password"] = "wrong-password-1" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

}

public sealed class TokenCreationRateLimitSpecs(StrictTokenCreationApp app) : IClassFixture<StrictTokenCreationApp>
{
    [Fact]
    public async Task Token_creation_beyond_the_limit_gets_a_429_problem()
    {
        var member = await app.NewMemberAsync("Northwind Apparel", MemberRole.Owner);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var url = $"/api/organisations/{member.OrganisationId}/tokens";

        (await client.PostAsJsonAsync(url, new { name = "one", role = "Viewer" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync(url, new { name = "two", role = "Viewer" })).EnsureSuccessStatusCode();
        var third = await client.PostAsJsonAsync(url, new { name = "three", role = "Viewer" });

        await third.ProblemAsync(HttpStatusCode.TooManyRequests);
        // Two a minute: one comes back within half a minute.
        Assert.InRange(int.Parse(third.Headers.RetryAfter?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture), 1, 30);
    }
}
