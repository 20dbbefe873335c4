using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform;

/// <summary>Every bad request gets a ProblemDetails that says what is wrong, and nothing is written.</summary>
public abstract class BadInputSpecs(TestApp app)
{
    private string organisationName = "";

    /// <summary>An organisation of the test's own, so that counting its rows is not disturbed by other tests.</summary>
    private async Task<(HttpClient Owner, Guid OrgId, int Rows)> ArrangeAsync()
    {
        organisationName = (await app.NewOrganisationAsync(OrganisationKind.Brand)).Name;
        var member = await app.NewMemberAsync(organisationName, MemberRole.Owner);
        return (await app.ClientForAsync(member), member.OrganisationId, await CountRowsAsync(member.OrganisationId));
    }

    /// <summary>Rows that a bad request could have written or changed (the name counts only while unchanged).</summary>
    private Task<int> CountRowsAsync(Guid orgId) => app.WithDbAsync(async db =>
        await db.Set<Invitation>().CountAsync(i => i.OrganisationId == orgId)
        + await db.Set<Membership>().CountAsync(m => m.OrganisationId == orgId)
        + await db.Set<AuditEntry>().CountAsync(a => a.OrganisationId == orgId)
        + await db.Set<Organisation>().CountAsync(o => o.Id == orgId && o.Name == organisationName));

    private static StringContent Json(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);

    [Fact]
    public async Task Malformed_json_is_a_400_that_says_so()
    {
        var (owner, orgId, rows) = await ArrangeAsync();

        var response = await owner.PostAsync($"/api/organisations/{orgId}/members", Json("{\"email\": \"a@b.example\", \"role\": "));

        Assert.Contains("JSON", (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Equal(rows, await CountRowsAsync(orgId));
    }

    [Fact]
    public async Task Missing_fields_are_named_in_the_errors()
    {
        var (owner, orgId, rows) = await ArrangeAsync();

        var problem = await (await owner.PostAsync($"/api/organisations/{orgId}/members", Json("{}"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("email"));
        Assert.NotEmpty(problem.FieldErrors("role"));
        Assert.Equal(rows, await CountRowsAsync(orgId));
    }

    [Fact]
    public async Task Over_long_strings_are_refused_field_by_field()
    {
        var (owner, orgId, rows) = await ArrangeAsync();

        var problem = await (await owner.PatchAsJsonAsync($"/api/organisations/{orgId}", new { name = new string('x', 201) })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("name"));
        Assert.Equal(rows, await CountRowsAsync(orgId));
    }

    [Fact]
    public async Task An_unknown_country_code_is_refused_with_the_field_named()
    {
        var (owner, orgId, rows) = await ArrangeAsync();

        var problem = await (await owner.PatchAsJsonAsync($"/api/organisations/{orgId}", new { name = "Renamed", countryCode = "QQ" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("countryCode"));
        Assert.Equal(rows, await CountRowsAsync(orgId));
    }

    [Fact]
    public async Task A_refusal_is_worded_in_the_language_the_client_asks_for()
    {
        var (owner, orgId, rows) = await ArrangeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/organisations/{orgId}") { Content = Json("{\"name\": \"Renamed\", \"countryCode\": \"QQ\"}") };
        request.Headers.AcceptLanguage.ParseAdd("bn");

        var bengali = await (await owner.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);
        var english = await (await owner.PatchAsJsonAsync($"/api/organisations/{orgId}", new { name = "Renamed", countryCode = "QQ" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("অনুরোধটি একটি নিয়ম ভঙ্গ করে", bengali.GetProperty("title").GetString());
        Assert.Equal("The request breaks a rule", english.GetProperty("title").GetString());
        Assert.Equal(rows, await CountRowsAsync(orgId));
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415()
    {
        var (owner, orgId, rows) = await ArrangeAsync();

        var response = await owner.PostAsync($"/api/organisations/{orgId}/members", Json("email=a@b.example", "application/x-www-form-urlencoded"));

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(rows, await CountRowsAsync(orgId));
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_400()
    {
        var (owner, orgId, rows) = await ArrangeAsync();

        var response = await owner.PostAsync($"/api/organisations/{orgId}/members", Json("{\"email\":\"a@b.example\",\"role\":\"Emperor\"}"));

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(rows, await CountRowsAsync(orgId));
    }

    [Fact]
    public async Task Unknown_organisation_ids_and_malformed_ids_are_404s()
    {
        var (owner, _, _) = await ArrangeAsync();

        await (await owner.GetAsync($"/api/organisations/{Guid.NewGuid()}/members")).ProblemAsync(HttpStatusCode.NotFound);
        await (await owner.GetAsync("/api/organisations/not-a-guid/members")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Html_in_names_is_stored_as_text_and_rendered_inert()
    {
        var member = await app.NewMemberAsync("Angkor Stitch Factory", MemberRole.Owner);
        var owner = await app.ClientForAsync(member);
        const string hostile = "<script>alert(1)</script> Angkor";

        (await owner.PatchAsJsonAsync($"/api/organisations/{member.OrganisationId}", new { name = hostile, countryCode = "KH" })).EnsureSuccessStatusCode();
        var page = await (await app.SignedInAsync(member.Email, TestMember.Password)).GetStringAsync($"/o/{member.OrganisationId}");

        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        (await owner.PatchAsJsonAsync($"/api/organisations/{member.OrganisationId}", new { name = "Angkor Stitch Factory", countryCode = "KH" })).EnsureSuccessStatusCode();
    }
}

public sealed class BadInputSpecsOnSqlite(SqliteApp app) : BadInputSpecs(app);

public sealed class BadInputSpecsOnPostgres(PostgresApp app) : BadInputSpecs(app);
