using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Grievances;

/// <summary>Apps of their own, with intake limits small enough to reach: 3 reports per channel at once, then one an hour; 3 posts per code.</summary>
public static class StrictIntake
{
    public static readonly KeyValuePair<string, string>[] Settings =
    [
        new("RateLimits:IntakeBurstPerChannel", "3"), new("RateLimits:IntakePerHourPerChannel", "1"), new("RateLimits:ReceiptCodePer15Minutes", "3"),
    ];
}

public sealed class StrictIntakeSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => StrictIntake.Settings;
}

public sealed class StrictIntakePostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => StrictIntake.Settings;
}

/// <summary>
/// A flood through one poster link is held back on that link alone; the workers who reported keep reading
/// replies from the same connection.
/// </summary>
public abstract class IntakeLimitSpecs(TestApp app)
{
    /// <summary>A channel no other test uses, and a gateway client of its organisation.</summary>
    private async Task<(string Channel, HttpClient Gateway, string Api)> NewChannelAsync()
    {
        var (owner, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Union, MemberRole.Owner);
        var api = $"/api/organisations/{organisation.Id}";
        (await owner.PutAsJsonAsync($"{api}/grievance-mechanism", new { name = "Limited line", acknowledgeWithinDays = 7, feedbackWithinDays = 90, retainClosedCasesDays = 730 })).EnsureSuccessStatusCode();
        var channel = (await (await owner.PostAsJsonAsync($"{api}/grievance-mechanism/channels", new { language = "en" })).ReadAsync<ChannelDto>()).Code;
        return (channel, owner, api);
    }

    private static Dictionary<string, string> Fields(string text) =>
        new() { ["Input.Category"] = "WagesAndPayment", ["Input.Text"] = text, ["Input.Anonymous"] = "true", ["Input.Contact"] = "" };

    [Fact]
    public async Task Over_the_channels_limit_the_form_comes_back_with_what_was_typed_nothing_is_stored_and_the_reporter_still_follows_up()
    {
        var (channel, _, _) = await NewChannelAsync();
        var reporter = new Reporter(app);
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await reporter.ReportAsync(channel, $"Report {i} {Guid.NewGuid():N}")).Code);
        }

        var form = await reporter.OpenFormAsync(channel);
        var text = $"Wages cut for the whole line {Guid.NewGuid():N}";
        var refused = await reporter.SendAsync(channel, form, Fields(text));
        var page = await refused.Content.ReadAsStringAsync();
        var reply = await reporter.ReplyAsync(codes[0], "More about my first report");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("id=\"report-error\"", page, StringComparison.Ordinal);
        Assert.Contains("Many reports arrived through this link just now", page, StringComparison.Ordinal);
        Assert.Contains($">{text}</textarea>", page, StringComparison.Ordinal);
        Assert.Contains(form.SubmissionId, page, StringComparison.Ordinal); // sending it later is still the same form
        Assert.Empty(Reporter.CodeOn(page));
        var submission = IntakeService.SubmissionHash(Guid.Parse(form.SubmissionId), form.Nonce, $"channel:{channel}:form");
        Assert.False(await app.WithDbAsync(db => db.Set<GrievanceCase>().AnyAsync(c => c.SubmissionHash == submission)));
        Assert.All(codes, c => Assert.Matches("^[0-9]{16}$", c));
        Assert.True(reply.StatusCode == HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        Assert.Contains("More about my first report", await reporter.FollowUpAsync(codes[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flooded_channel_leaves_other_channels_open_and_its_gateway_gets_429_with_retry_after()
    {
        var (flooded, gateway, api) = await NewChannelAsync();
        var (other, _, _) = await NewChannelAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await gateway.PostAsJsonAsync($"{api}/grievance-intake/{flooded}", new { submissionId = Guid.NewGuid(), category = "Other", text = $"Flood {i}" })).StatusCode);
        }

        var refused = await gateway.PostAsJsonAsync($"{api}/grievance-intake/{flooded}", new { submissionId = Guid.NewGuid(), category = "Other", text = "One more" });
        var elsewhere = await new Reporter(app).ReportAsync(other, "A genuine report on another poster");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Matches("^[0-9]{16}$", elsewhere.Code);
    }

    [Fact]
    public async Task Workers_on_one_connection_each_have_their_own_follow_up_tries()
    {
        var (channel, _, _) = await NewChannelAsync();
        var first = (await new Reporter(app).ReportAsync(channel, "Report of the first worker")).Code;
        var second = (await new Reporter(app).ReportAsync(channel, "Report of the second worker")).Code;
        var shared = new Reporter(app); // one connection: the test server gives every client the same address

        var firstPages = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            firstPages.Add(await shared.FollowUpAsync(first));
        }

        var secondPage = await shared.FollowUpAsync(second);

        Assert.All(firstPages[..3], p => Assert.Contains("Report of the first worker", p, StringComparison.Ordinal));
        Assert.Contains("Too many tries", firstPages[3], StringComparison.Ordinal);
        Assert.Contains("Report of the second worker", secondPage, StringComparison.Ordinal);
    }
}

public sealed class IntakeLimitSpecsOnSqlite(StrictIntakeSqliteApp app) : IntakeLimitSpecs(app), IClassFixture<StrictIntakeSqliteApp>;

public sealed class IntakeLimitSpecsOnPostgres(StrictIntakePostgresApp app) : IntakeLimitSpecs(app), IClassFixture<StrictIntakePostgresApp>;
