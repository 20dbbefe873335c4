using System.Net;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Account;

public abstract class SignInSpecs(TestApp app)
{
    [Fact]
    public async Task A_demo_owner_signs_in_and_sees_their_organisation()
    {
        var client = await app.SignedInAsync("brand@northwind.example", TestApp.DemoPassword);

        var home = await client.GetStringAsync("/");

        Assert.Contains("Northwind Apparel", home);
        Assert.DoesNotContain("Meridian Outfitters", home);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_a_message()
    {
        var member = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);

        var response = await app.Anonymous().PostFormAsync("/account/login", "login", new() { ["Input.Email"] = member.Email, ["Input.Password"] = "wrong-password-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invalid_invitation_form_is_shown_again_with_the_message_and_nothing_is_written()
    {
        var owner = await app.NewMemberAsync("Mekong Garments Co.", MemberRole.Owner);
        var client = await app.SignedInAsync(owner.Email, TestMember.Password);
        var path = $"/o/{owner.OrganisationId}/members";
        var before = await app.WithDbAsync(db => db.Set<Invitation>().CountAsync(i => i.OrganisationId == owner.OrganisationId));

        var response = await client.PostFormAsync(path, "invite", new() { ["Invite.Email"] = "not an email", ["Invite.Role"] = "Editor" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter a valid email address.", page);
        Assert.Contains("value=\"not an email\"", page);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Invitation>().CountAsync(i => i.OrganisationId == owner.OrganisationId)));
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var member = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = member.Email, ["Input.Password"] = "wrong-password-1" });
        }

        var response = await client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = member.Email, ["Input.Password"] = TestMember.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sign_in_post_without_the_anti_forgery_token_is_refused()
    {
        var response = await app.Anonymous().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = "brand@northwind.example", ["Input.Password"] = TestApp.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Sign_out_needs_the_anti_forgery_token_so_another_site_cannot_sign_people_out()
    {
        var member = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var real = await client.PostFormAsync("/", "", [], postTo: "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_language_switcher_keeps_the_choice_and_the_shell_speaks_spanish()
    {
        var client = app.Anonymous();

        var switched = await client.PostFormAsync("/account/login", "", new() { ["culture"] = "es", ["returnUrl"] = "/account/login" }, postTo: "/culture");
        var page = await client.GetStringAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location?.OriginalString);
        Assert.Contains("Iniciar sesión", page);
        Assert.Contains("lang=\"es\"", page);
    }

    [Fact]
    public async Task The_language_switcher_never_redirects_off_site()
    {
        var switched = await app.Anonymous().PostFormAsync("/account/login", "", new() { ["culture"] = "es", ["returnUrl"] = "//evil.example/" }, postTo: "/culture");

        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }
}

public sealed class SignInSpecsOnSqlite(SqliteApp app) : SignInSpecs(app);

public sealed class SignInSpecsOnPostgres(PostgresApp app) : SignInSpecs(app);
