using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Grievances;
using CommonThread.Tests.Homework;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using Microsoft.Extensions.Logging;

namespace CommonThread.Tests.Platform;

/// <summary>Apps of their own whose logs the specs read.</summary>
public sealed class WatchedSqliteApp : SqliteApp
{
    protected override bool CapturesLogs => true;
}

public sealed class WatchedPostgresApp : PostgresApp
{
    protected override bool CapturesLogs => true;
}

/// <summary>The log says what went wrong, not what goes right every minute: no warning per form page, no error for an expected race.</summary>
public abstract class LogHygieneSpecs(TestApp app)
{
    [Fact]
    public async Task Form_pages_write_no_anti_forgery_warning_and_private_pages_stay_out_of_caches()
    {
        var logged = app.Logs.Mark();
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var owner = await app.NewMemberAsync(organisation.Name, MemberRole.Owner);
        var browser = await app.SignedInAsync(owner.Email, TestMember.Password);
        var anonymous = app.Anonymous();

        foreach (var path in new[] { "/account/login", "/r/dhaka1", "/r/dhaka1?culture=km&ui-culture=km", "/follow-up", "/passbook" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }

        foreach (var page in new[] { "members", "imports", "facilities", "tokens", "buyers" })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/o/{organisation.Id}/{page}")).StatusCode);
        }

        var (_, code) = await new Reporter(app).ReportAsync("dhaka1", "The canteen water is not clean.");
        Assert.NotEmpty(code);
        var intake = await anonymous.GetAsync("/r/dhaka1");
        Assert.Contains("no-store", intake.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        var entries = logged();
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Microsoft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_submission_is_a_409_logged_as_information_without_a_stack_trace()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var name = $"Agent {Guid.NewGuid():N}";
        var logged = app.Logs.Mark();

        var first = await world.Supplier.PostAsJsonAsync($"{world.Api}/intermediaries", new { name, preQualification = "Pending" });
        var again = await world.Supplier.PostAsJsonAsync($"{world.Api}/intermediaries", new { name, preQualification = "Pending" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.NotEmpty(problem.FieldErrors("name"));
        var entries = logged();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(entries, e => e.Exception is not null);
    }

    [Fact]
    public async Task The_same_report_sent_several_times_at_once_is_filed_once_and_logs_no_error()
    {
        var reporter = new Reporter(app);
        var form = await reporter.OpenFormAsync("dhaka1");
        var fields = new Dictionary<string, string> { ["Input.Category"] = "WagesAndPayment", ["Input.Text"] = $"Overtime unpaid {Guid.NewGuid():N}", ["Input.Anonymous"] = "true" };
        var logged = app.Logs.Mark();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => reporter.SendAsync("dhaka1", form, fields)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var references = new List<string>();
        foreach (var response in responses)
        {
            var page = await response.Content.ReadAsStringAsync();
            references.Add(System.Text.RegularExpressions.Regex.Match(page, "Reference: ([A-Z0-9-]+)").Groups[1].Value);
        }

        Assert.Single(references.Distinct());
        Assert.DoesNotContain(logged(), e => e.Level >= LogLevel.Error || e.Exception is not null);
    }
}

public sealed class LogHygieneSpecsOnSqlite(WatchedSqliteApp app) : LogHygieneSpecs(app), IClassFixture<WatchedSqliteApp>;

public sealed class LogHygieneSpecsOnPostgres(WatchedPostgresApp app) : LogHygieneSpecs(app), IClassFixture<WatchedPostgresApp>;
