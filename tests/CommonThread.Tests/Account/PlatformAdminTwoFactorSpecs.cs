using System.Net;
using System.Net.Http.Json;
using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Account;

/// <summary>Platform administrators always use two-factor sign-in; one without it gets only the page that sets it up.</summary>
public abstract class PlatformAdminTwoFactorSpecs(TestApp app)
{
    /// <summary>A platform administrator who has not set up two-factor sign-in, signed in with their password alone.</summary>
    private async Task<HttpClient> AdminWithoutTwoFactorAsync()
    {
        var person = await app.NewMemberAsync((await app.NewOrganisationAsync(OrganisationKind.Brand)).Name, MemberRole.Owner);
        var platform = await app.OrganisationAsync("CommonThread Platform");
        await app.WithDbAsync(async db =>
        {
            db.Add(new Membership { OrganisationId = platform.Id, UserId = person.UserId, Role = MemberRole.Owner, JoinedAt = DateTimeOffset.UnixEpoch });
            return await db.SaveChangesAsync();
        });
        return await app.SignedInAsync(person.Email, TestMember.Password);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/organisations")]
    [InlineData("/notifications")]
    public async Task A_platform_admin_without_two_factor_is_sent_from_every_page_to_set_it_up(string path)
    {
        var admin = await AdminWithoutTwoFactorAsync();

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor", response.Headers.Location?.OriginalString);
        var setup = await admin.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("id=\"two-factor-required\"", await setup.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_refuses_a_platform_admin_without_two_factor_with_a_problem_that_says_why_and_writes_nothing()
    {
        var admin = await AdminWithoutTwoFactorAsync();
        var name = $"Refused {Guid.NewGuid():N}";

        var list = await admin.GetAsync("/api/admin/organisations");
        var (create, writes) = await app.ProbedAsync(admin, new(HttpMethod.Post, "/api/admin/organisations")
        {
            Content = JsonContent.Create(new { name, kind = "Brand", ownerEmail = "owner@test.example" }),
        });

        foreach (var response in new[] { list, create })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("Two-factor sign-in required", problem.GetProperty("title").GetString());
            Assert.Contains("/account/two-factor", problem.GetProperty("detail").GetString());
        }

        Assert.Empty(writes);
        // Counted by its name: other specs running beside this one add organisations of their own.
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Organisation>().CountAsync(o => o.Name == name)));
    }

    [Fact]
    public async Task The_demo_administrator_signs_in_with_the_seeded_authenticator_key()
    {
        var client = app.Anonymous();
        var password = await client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = "admin@commonthread.example", ["Input.Password"] = TestApp.DemoPassword });
        var step = password.Headers.Location?.PathAndQuery ?? "";
        Assert.StartsWith("/account/login/two-factor", step);

        var code = await client.PostFormAsync(step, "login-2fa", new() { ["Input.Code"] = Totp.Code(DemoAccounts.AdminAuthenticatorKey, TimeProvider.System.GetUtcNow()) });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        var page = await client.GetAsync("/admin/organisations");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Northwind Apparel", await page.Content.ReadAsStringAsync());
    }
}

public sealed class PlatformAdminTwoFactorSpecsOnSqlite(SqliteApp app) : PlatformAdminTwoFactorSpecs(app);

public sealed class PlatformAdminTwoFactorSpecsOnPostgres(PostgresApp app) : PlatformAdminTwoFactorSpecs(app);
