using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Resources;
using CommonThread.Tests.Grievances;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Platform;

/// <summary>
/// An app whose PostgreSQL connection runs through a link the fixture cuts once the app has served a
/// few pages (as a running app would have before an outage): from then on every database call fails as
/// in a network cut or a server restart — open connections drop, new ones are refused.
/// </summary>
public sealed class DatabaseGoneApp : PostgresApp
{
    private CuttableLink? link;

    protected override bool CapturesLogs => true;

    protected override string ConnectionString
    {
        get
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(base.ConnectionString);
            link ??= new CuttableLink(server.Host!, server.Port);
            server.Port = link.Port;
            return server.ConnectionString;
        }
    }

    /// <summary>A signed-in owner's browser, its organisation, and its API client, made while the database was there.</summary>
    public (HttpClient Browser, Organisation Organisation, HttpClient Api) Owner { get; private set; }

    /// <summary>A worker's phone with the intake form open in Bengali, opened while the database was there.</summary>
    public (Reporter Reporter, IntakeForm Form) Worker { get; private set; }

    public const string BengaliChannel = "dhaka1?culture=bn&ui-culture=bn";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var organisation = await NewOrganisationAsync(OrganisationKind.Brand);
        var member = await NewMemberAsync(organisation.Name, MemberRole.Owner);
        var browser = await this.SignedInAsync(member.Email, TestMember.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/o/{organisation.Id}/members")).StatusCode);
        Owner = (browser, organisation, await ClientForAsync(member));
        var reporter = new Reporter(this);
        Worker = (reporter, await reporter.OpenFormAsync(BengaliChannel));
        await link!.CutAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (link is not null)
        {
            await link.DisposeAsync();
        }
    }
}

public sealed class DatabaseOutageSpecs(DatabaseGoneApp app) : IClassFixture<DatabaseGoneApp>
{
    private static HttpRequestMessage Page(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    private static void AssertRetryLater(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/organisations/{0}/facilities")]
    public async Task An_API_request_is_answered_503_with_Retry_After_and_a_ProblemDetails_instead_of_500(string path)
    {
        var response = await app.Owner.Api.GetAsync(string.Format(CultureInfo.InvariantCulture, path, app.Owner.Organisation.Id));

        AssertRetryLater(response);
        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("nothing of this request was saved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "en", "The service is unavailable", "Try again")]
    [InlineData("?culture=es&ui-culture=es", "es", "El servicio no está disponible", "Volver a intentar")]
    public async Task A_page_is_answered_503_with_an_HTML_page_in_the_visitors_language(string query, string language, string title, string again)
    {
        var response = await app.Owner.Browser.SendAsync(Page($"/o/{app.Owner.Organisation.Id}/members{query}"));

        AssertRetryLater(response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains($">{again}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_intake_form_comes_back_with_everything_the_worker_typed_and_a_try_again_button_in_their_language()
    {
        var (reporter, form) = app.Worker;
        var text = $"মজুরি দেওয়া হয়নি, তিন মাস ধরে — {Guid.NewGuid():N}";
        var contact = $"01{Random.Shared.Next(100000000, 999999999)}";

        var response = await reporter.SendAsync(DatabaseGoneApp.BengaliChannel, form, new()
        {
            ["Input.Category"] = "WagesAndPayment", ["Input.Text"] = text, ["Input.Anonymous"] = "false", ["Input.Name"] = "Rahima", ["Input.Contact"] = contact,
            ["Input.ShowToUnion"] = "true", ["Input.Gender"] = "Woman",
        });

        AssertRetryLater(response);
        var page = await response.Content.ReadAsStringAsync();
        var bengali = new CultureInfo("bn");
        var texts = new ResourceManager(typeof(CommonThread.Web.Grievances.Intake));
        Assert.Contains(texts.GetString("error.unavailable", bengali)!, page, StringComparison.Ordinal);
        Assert.Contains($">{texts.GetString("Try again", bengali)}</button>", page, StringComparison.Ordinal);
        Assert.Contains($">{text}</textarea>", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{contact}\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Rahima\"", page, StringComparison.Ordinal);
        Assert.Matches("value=\"WagesAndPayment\" checked", page);
        Assert.Matches("name=\"Input.ShowToUnion\" value=\"true\" checked", page);
        // The same submission: sent again once the database is back, it is filed once.
        Assert.Equal(form.SubmissionId, Reporter.Field(page, "Input.SubmissionId"));
        // An anonymous channel: nothing the worker typed reaches the logs.
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(text, StringComparison.Ordinal) || e.Message.Contains(contact, StringComparison.Ordinal)
            || (e.Exception?.ToString().Contains(contact, StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task An_outage_is_logged_as_a_warning_without_a_stack_trace()
    {
        var logged = app.Logs.Mark();

        await app.Owner.Api.GetAsync("/api/me");

        var entries = logged();
        Assert.Contains(entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("database is unreachable", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error && e.Category.StartsWith("Microsoft", StringComparison.Ordinal));
    }
}
