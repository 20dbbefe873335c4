using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Account;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Organisations;

/// <summary>
/// Removing, demoting or locking out a member takes effect on their very next request, through every
/// way in: their browser session and each of their API tokens.
/// </summary>
public abstract class AccessRevocationSpecs(TestApp app)
{
    private async Task<(Organisation Organisation, HttpClient Owner)> OrganisationWithOwnerAsync()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Brand);
        return (organisation, await app.ClientForAsync(await app.NewMemberAsync(organisation.Name, MemberRole.Owner)));
    }

    private async Task AsOperatorAsync(Func<AccountService, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<AccountService>());
    }

    [Fact]
    public async Task A_removed_members_token_and_browser_session_stop_on_the_next_request()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        var token = await app.ClientForAsync(member);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/organisations/{organisation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/o/{organisation.Id}/members")).StatusCode);

        (await owner.DeleteAsync($"/api/organisations/{organisation.Id}/members/{member.UserId}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync($"/api/organisations/{organisation.Id}/members")).StatusCode);
        await (await browser.GetAsync($"/api/organisations/{organisation.Id}/members")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/o/{organisation.Id}/members")).StatusCode);
        Assert.DoesNotContain(organisation.Name, await browser.GetStringAsync("/"));
        Assert.True(await app.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.UserId == member.UserId).AllAsync(t => t.RevokedAt != null)));
    }

    [Fact]
    public async Task A_removed_members_old_token_stays_dead_when_they_are_invited_back()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        var token = await app.ClientForAsync(member);
        (await owner.DeleteAsync($"/api/organisations/{organisation.Id}/members/{member.UserId}")).EnsureSuccessStatusCode();
        var invited = await (await owner.PostAsJsonAsync($"/api/organisations/{organisation.Id}/members", new { email = member.Email, role = "Editor" })).ReadAsync<InviteMemberResult>();
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);
        (await browser.PostAsync($"/api/invitations/{invited.InvitationId}/accept", null)).EnsureSuccessStatusCode();

        var response = await token.GetAsync($"/api/organisations/{organisation.Id}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/organisations/{organisation.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_demoted_members_token_acts_with_their_new_role_at_once()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Owner);
        var token = await app.ClientForAsync(member, MemberRole.Owner);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/organisations/{organisation.Id}/audit")).StatusCode);

        (await owner.PutAsJsonAsync($"/api/organisations/{organisation.Id}/members/{member.UserId}/role", new { role = "Viewer" })).EnsureSuccessStatusCode();

        await (await token.GetAsync($"/api/organisations/{organisation.Id}/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        var seen = await token.GetFromJsonAsync<OrganisationDto>($"/api/organisations/{organisation.Id}", Http.Json);
        Assert.Equal(MemberRole.Viewer, seen!.MyRole);
    }

    [Fact]
    public async Task A_locked_out_members_tokens_and_sessions_stop_at_once_and_work_again_when_unlocked()
    {
        var (organisation, _) = await OrganisationWithOwnerAsync();
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        var token = await app.ClientForAsync(member);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);

        await AsOperatorAsync(accounts => accounts.LockAsync(member.Email));

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync($"/api/organisations/{organisation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        var page = await browser.GetAsync($"/o/{organisation.Id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString);

        await AsOperatorAsync(accounts => accounts.UnlockAsync(member.Email));

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/organisations/{organisation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode); // the ended session stays ended
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(member.Email, TestMember.Password)).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_stranger_typing_wrong_passwords_locks_new_sign_ins_but_cannot_cut_off_the_persons_tokens_or_open_session()
    {
        var (organisation, _) = await OrganisationWithOwnerAsync();
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Viewer);
        var token = await app.ClientForAsync(member);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);
        var guesser = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await guesser.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = member.Email, ["Input.Password"] = "wrong-password-1" });
        }

        var signIn = await app.Anonymous().PostFormAsync("/account/login", "login", new() { ["Input.Email"] = member.Email, ["Input.Password"] = TestMember.Password });

        Assert.True(await app.WithDbAsync(db => db.Set<CommonThread.Data.AppUser>().AnyAsync(u => u.Id == member.UserId && u.LockoutEnd != null)));
        Assert.DoesNotContain(signIn.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/organisations/{organisation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }
}

public sealed class AccessRevocationSpecsOnSqlite(SqliteApp app) : AccessRevocationSpecs(app);

public sealed class AccessRevocationSpecsOnPostgres(PostgresApp app) : AccessRevocationSpecs(app);
