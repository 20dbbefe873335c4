using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Organisations;

public abstract class MembershipSpecs(TestApp app)
{
    private const string Brand = "Northwind Apparel";

    [Fact]
    public async Task An_invited_person_without_an_account_joins_through_the_one_time_link()
    {
        var org = await app.OrganisationAsync(Brand);
        var owner = await app.OwnerClientAsync(Brand);
        var email = $"new{Guid.NewGuid():N}@test.example";

        var result = await (await owner.PostAsJsonAsync($"/api/organisations/{org.Id}/members", new { email, role = "Viewer" })).ReadAsync<InviteMemberResult>();
        Assert.Equal("Invited", result.Status);
        var path = new Uri(result.InvitationUrl).AbsolutePath;
        var stored = await app.WithDbAsync(db => db.Set<Invitation>().SingleAsync(i => i.Id == result.InvitationId));
        Assert.DoesNotContain(stored.SecretHash, path);

        var visitor = app.Anonymous();
        var accepted = await visitor.PostFormAsync(path, "accept-invitation", new()
        {
            ["Input.DisplayName"] = "New Person",
            ["Input.Password"] = "a-good-password-42",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var members = await owner.GetFromJsonAsync<List<MemberView>>($"/api/organisations/{org.Id}/members", Http.Json);
        Assert.Contains(members!, m => m.Email == email && m.Role == MemberRole.Viewer);
        var again = await app.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_removed_nor_demoted()
    {
        var org = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var onlyOwner = await app.NewMemberAsync(org.Name, MemberRole.Owner);
        var admin = await app.NewMemberAsync(org.Name, MemberRole.Editor);
        // An owner's token is needed to try: give the editor a temporary owner role through the database.
        await app.WithDbAsync(db => db.Set<Membership>().Where(m => m.UserId == admin.UserId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, MemberRole.Owner)));
        var client = await app.ClientForAsync(admin);
        (await client.DeleteAsync($"/api/organisations/{org.Id}/members/{onlyOwner.UserId}")).EnsureSuccessStatusCode();

        var demote = await client.PutAsJsonAsync($"/api/organisations/{org.Id}/members/{admin.UserId}/role", new { role = "Viewer" });
        var remove = await client.DeleteAsync($"/api/organisations/{org.Id}/members/{admin.UserId}");

        Assert.Contains("at least one owner", (await demote.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await remove.ProblemAsync(HttpStatusCode.Conflict);
        var role = await app.WithDbAsync(db => db.Set<Membership>().Where(m => m.UserId == admin.UserId).Select(m => m.Role).SingleAsync());
        Assert.Equal(MemberRole.Owner, role);
    }

    [Fact]
    public async Task Role_changes_and_removals_are_in_the_audit_trail_that_only_owners_read()
    {
        var org = await app.OrganisationAsync(Brand);
        var owner = await app.OwnerClientAsync(Brand);
        var member = await app.NewMemberAsync(Brand, MemberRole.Viewer);

        (await owner.PutAsJsonAsync($"/api/organisations/{org.Id}/members/{member.UserId}/role", new { role = "Editor" })).EnsureSuccessStatusCode();
        (await owner.DeleteAsync($"/api/organisations/{org.Id}/members/{member.UserId}")).EnsureSuccessStatusCode();

        var trail = await owner.GetFromJsonAsync<List<AuditEntryDto>>($"/api/organisations/{org.Id}/audit", Http.Json);
        Assert.Contains(trail!, e => e.Action == "member.role-changed" && e.Details.Contains(member.Email) && e.Details.Contains("Viewer → Editor"));
        Assert.Contains(trail!, e => e.Action == "member.removed" && e.Details.Contains(member.Email));
        var editor = await app.ClientForAsync(await app.NewMemberAsync(Brand, MemberRole.Editor));
        await (await editor.GetAsync($"/api/organisations/{org.Id}/audit")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_viewer_cannot_invite_members()
    {
        var org = await app.OrganisationAsync(Brand);
        var viewer = await app.ClientForAsync(await app.NewMemberAsync(Brand, MemberRole.Viewer));

        var response = await viewer.PostAsJsonAsync($"/api/organisations/{org.Id}/members", new { email = "x@test.example", role = "Owner" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Set<Invitation>().AnyAsync(i => i.Email == "x@test.example")));
    }

    [Fact]
    public async Task Audit_entries_are_written_with_the_change_they_describe()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var org = await app.OrganisationAsync(Brand);
        var before = await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.OrganisationId == org.Id));

        audit.Record(org.Id, "test.unsaved", "recorded but never saved");

        Assert.Equal(before, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.OrganisationId == org.Id)));
    }
}

public sealed class MembershipSpecsOnSqlite(SqliteApp app) : MembershipSpecs(app);

public sealed class MembershipSpecsOnPostgres(PostgresApp app) : MembershipSpecs(app);
