using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Organisations;

public abstract class ApiTokenSpecs(TestApp app)
{
    private const string Brand = "Northwind Apparel";

    private async Task<(Guid OrgId, HttpClient Signed)> SignedInOwnerAsync()
    {
        var owner = await app.NewMemberAsync(Brand, MemberRole.Owner);
        return (owner.OrganisationId, await app.SignedInAsync(owner.Email, TestMember.Password));
    }

    private HttpClient WithToken(string secret)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_new_token_is_shown_once_works_and_is_stored_only_as_a_hash()
    {
        var (orgId, signed) = await SignedInOwnerAsync();

        var created = await (await signed.PostAsJsonAsync($"/api/organisations/{orgId}/tokens", new { name = "ERP sync", role = "Viewer", expiresInDays = 30 }))
            .ReadAsync<CreatedApiTokenDto>();

        Assert.StartsWith("ct_", created.Secret);
        var stored = await app.WithDbAsync(db => db.Set<ApiToken>().SingleAsync(t => t.Id == created.Token.Id));
        Assert.NotEqual(created.Secret, stored.SecretHash);
        Assert.DoesNotContain(created.Secret, await signed.GetStringAsync($"/api/organisations/{orgId}/tokens"));
        var me = await WithToken(created.Secret).GetFromJsonAsync<MeDto>("/api/me", Http.Json);
        Assert.Equal(orgId, Assert.Single(me!.Organisations).Id);
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var (orgId, signed) = await SignedInOwnerAsync();
        var created = await (await signed.PostAsJsonAsync($"/api/organisations/{orgId}/tokens", new { name = "short-lived", role = "Viewer" })).ReadAsync<CreatedApiTokenDto>();
        Assert.Equal(HttpStatusCode.OK, (await WithToken(created.Secret).GetAsync("/api/me")).StatusCode);

        (await signed.DeleteAsync($"/api/organisations/{orgId}/tokens/{created.Token.Id}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(created.Secret).GetAsync("/api/me")).StatusCode);
        var trail = await signed.GetFromJsonAsync<List<AuditEntryDto>>($"/api/organisations/{orgId}/audit", Http.Json);
        Assert.Contains(trail!, e => e.Action == "token.revoked");
        Assert.Contains(trail!, e => e.Action == "token.created");
    }

    [Fact]
    public async Task Revoking_a_token_on_its_page_asks_once_more_naming_it_and_only_the_confirmation_revokes_it()
    {
        var (orgId, signed) = await SignedInOwnerAsync();
        var created = await (await signed.PostAsJsonAsync($"/api/organisations/{orgId}/tokens", new { name = "Warehouse sync", role = "Viewer" })).ReadAsync<CreatedApiTokenDto>();
        var page = $"/o/{orgId}/tokens";

        var asked = await (await signed.PostFormAsync(page, "revoke-token", new() { ["RevokeId"] = created.Token.Id.ToString() })).Content.ReadAsStringAsync();
        var stillWorks = (await WithToken(created.Secret).GetAsync("/api/me")).StatusCode;
        await signed.PostFormAsync(page, "revoke-token", new() { ["RevokeId"] = created.Token.Id.ToString(), ["Confirmed"] = "true" });

        Assert.Contains("id=\"confirm-revoke\"", asked);
        Assert.Contains("Warehouse sync", asked[asked.IndexOf("confirm-revoke", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.OK, stillWorks);
        Assert.NotNull((await app.WithDbAsync(db => db.Set<ApiToken>().SingleAsync(t => t.Id == created.Token.Id))).RevokedAt);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(created.Secret).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var member = await app.NewMemberAsync(Brand, MemberRole.Viewer);
        var client = await app.ClientForAsync(member);
        await app.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.UserId == member.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UnixEpoch.AddDays(1))));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_reaches_only_its_own_organisation_even_when_its_maker_belongs_to_more()
    {
        var member = await app.NewMemberAsync(Brand, MemberRole.Owner);
        var other = await app.OrganisationAsync("Solstice Sportswear");
        await app.WithDbAsync(db =>
        {
            db.Add(new Membership { OrganisationId = other.Id, UserId = member.UserId, Role = MemberRole.Owner, JoinedAt = DateTimeOffset.UnixEpoch });
            return db.SaveChangesAsync();
        });
        var client = await app.ClientForAsync(member);

        await (await client.GetAsync($"/api/organisations/{other.Id}/members")).ProblemAsync(HttpStatusCode.NotFound);
        var mine = await client.GetFromJsonAsync<List<OrganisationDto>>("/api/organisations", Http.Json);
        Assert.Equal(member.OrganisationId, Assert.Single(mine!).Id);
    }

    [Fact]
    public async Task A_viewer_token_of_an_owner_acts_as_a_viewer()
    {
        var owner = await app.NewMemberAsync(Brand, MemberRole.Owner);
        var client = await app.ClientForAsync(owner, MemberRole.Viewer);

        await (await client.PostAsJsonAsync($"/api/organisations/{owner.OrganisationId}/members", new { email = "y@test.example", role = "Viewer" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_cannot_make_tokens_nor_a_member_a_token_above_their_role()
    {
        var owner = await app.NewMemberAsync(Brand, MemberRole.Owner);
        var byToken = await (await app.ClientForAsync(owner)).PostAsJsonAsync($"/api/organisations/{owner.OrganisationId}/tokens", new { name = "x", role = "Viewer" });
        await byToken.ProblemAsync(HttpStatusCode.Forbidden);

        var viewer = await app.NewMemberAsync(Brand, MemberRole.Viewer);
        var signed = await app.SignedInAsync(viewer.Email, TestMember.Password);
        var above = await signed.PostAsJsonAsync($"/api/organisations/{viewer.OrganisationId}/tokens", new { name = "x", role = "Owner" });
        Assert.NotEmpty((await above.ProblemAsync(HttpStatusCode.Forbidden)).FieldErrors("role"));
    }

    [Fact]
    public async Task Members_see_their_own_tokens_and_owners_see_all()
    {
        // An organisation of its own: the shared demo brand gathers more tokens from other specs than one page holds.
        var organisation = (await app.NewOrganisationAsync(OrganisationKind.Brand)).Name;
        var viewer = await app.NewMemberAsync(organisation, MemberRole.Viewer);
        var viewerClient = await app.ClientForAsync(viewer);
        var ownerClient = await app.ClientForAsync(await app.NewMemberAsync(organisation, MemberRole.Owner));

        var seenByViewer = await viewerClient.GetFromJsonAsync<List<ApiTokenDto>>($"/api/organisations/{viewer.OrganisationId}/tokens?limit=1000", Http.Json);
        var seenByOwner = await ownerClient.GetFromJsonAsync<List<ApiTokenDto>>($"/api/organisations/{viewer.OrganisationId}/tokens?limit=1000", Http.Json);

        Assert.All(seenByViewer!, t => Assert.Equal(viewer.UserId, t.CreatedByUserId));
        Assert.Contains(seenByOwner!, t => t.CreatedByUserId == viewer.UserId);
        Assert.True(seenByOwner!.Count > seenByViewer!.Count);
    }
}

public sealed class ApiTokenSpecsOnSqlite(SqliteApp app) : ApiTokenSpecs(app);

public sealed class ApiTokenSpecsOnPostgres(PostgresApp app) : ApiTokenSpecs(app);
