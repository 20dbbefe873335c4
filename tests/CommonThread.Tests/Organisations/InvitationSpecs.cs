using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Organisations;

/// <summary>
/// An invitation tells the inviting owner nothing about whether the address has an account, and
/// makes nobody a member until the invited person accepts it.
/// </summary>
public abstract partial class InvitationSpecs(TestApp app)
{
    private async Task<(Organisation Organisation, HttpClient Owner)> OrganisationWithOwnerAsync()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Brand);
        return (organisation, await app.ClientForAsync(await app.NewMemberAsync(organisation.Name, MemberRole.Owner)));
    }

    private Task<bool> IsMemberAsync(Guid organisationId, string userId) =>
        app.WithDbAsync(db => db.Set<Membership>().AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId));

    private static HttpRequestMessage Invite(Guid organisationId, string email) =>
        new(HttpMethod.Post, $"/api/organisations/{organisationId}/members") { Content = JsonContent.Create(new { email, role = "Editor" }) };

    [Fact]
    public async Task Inviting_an_address_with_an_account_and_one_without_gives_the_same_answer_and_does_the_same_work()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var existing = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);
        var unknown = $"nobody{Guid.NewGuid():N}@test.example";

        var (toExisting, existingWrites) = await app.ProbedAsync(owner, Invite(organisation.Id, existing.Email));
        var (toUnknown, unknownWrites) = await app.ProbedAsync(owner, Invite(organisation.Id, unknown));

        Assert.Equal(HttpStatusCode.OK, toExisting.StatusCode);
        Assert.Equal(toExisting.StatusCode, toUnknown.StatusCode);
        Assert.Equal(toExisting.Content.Headers.ContentType?.ToString(), toUnknown.Content.Headers.ContentType?.ToString());
        var (existingBody, unknownBody) = (await toExisting.Content.ReadAsStringAsync(), await toUnknown.Content.ReadAsStringAsync());
        Assert.Equal(Shape(existingBody), Shape(unknownBody));
        Assert.Equal("Invited", JsonDocument.Parse(existingBody).RootElement.GetProperty("status").GetString());
        Assert.Equal(existingWrites.Select(Table), unknownWrites.Select(Table));
        Assert.NotEmpty(existingWrites);
        Assert.False(await IsMemberAsync(organisation.Id, existing.UserId));
    }

    [Fact]
    public async Task A_person_with_an_account_joins_only_when_they_accept_after_signing_in()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var person = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);
        var invited = await (await owner.SendAsync(Invite(organisation.Id, person.Email))).ReadAsync<InviteMemberResult>();
        var signedIn = await app.SignedInAsync(person.Email, TestMember.Password);

        await (await signedIn.GetAsync($"/api/organisations/{organisation.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var pending = await signedIn.GetFromJsonAsync<List<MyInvitationDto>>("/api/invitations", Http.Json);
        Assert.Equal(organisation.Name, Assert.Single(pending!).OrganisationName);
        Assert.Contains(organisation.Name, await signedIn.GetStringAsync("/"));

        var joined = await (await signedIn.PostAsync($"/api/invitations/{invited.InvitationId}/accept", null)).ReadAsync<OrganisationDto>();

        Assert.Equal(MemberRole.Editor, joined.MyRole);
        Assert.True(await IsMemberAsync(organisation.Id, person.UserId));
        Assert.Empty((await signedIn.GetFromJsonAsync<List<MyInvitationDto>>("/api/invitations", Http.Json))!);
        var trail = await owner.GetFromJsonAsync<List<AuditEntryDto>>($"/api/organisations/{organisation.Id}/audit", Http.Json);
        Assert.Contains(trail!, e => e.Action == "member.joined" && e.Details.Contains(person.Email));
    }

    [Fact]
    public async Task Nobody_else_can_accept_or_decline_an_invitation_and_a_token_cannot_answer_one()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var person = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);
        var invited = await (await owner.SendAsync(Invite(organisation.Id, person.Email))).ReadAsync<InviteMemberResult>();
        var stranger = await app.SignedInAsync((await app.NewMemberAsync("Meridian Outfitters", MemberRole.Viewer)).Email, TestMember.Password);
        var personsToken = await app.ClientForAsync(person);

        var (accept, acceptWrites) = await app.ProbedAsync(stranger, new(HttpMethod.Post, $"/api/invitations/{invited.InvitationId}/accept"));
        var (decline, declineWrites) = await app.ProbedAsync(stranger, new(HttpMethod.Delete, $"/api/invitations/{invited.InvitationId}"));
        var (byToken, tokenWrites) = await app.ProbedAsync(personsToken, new(HttpMethod.Post, $"/api/invitations/{invited.InvitationId}/accept"));

        await accept.ProblemAsync(HttpStatusCode.NotFound);
        await decline.ProblemAsync(HttpStatusCode.NotFound);
        await byToken.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(acceptWrites.Concat(declineWrites).Concat(tokenWrites));
        Assert.Empty((await stranger.GetFromJsonAsync<List<MyInvitationDto>>("/api/invitations", Http.Json))!);
        Assert.False(await IsMemberAsync(organisation.Id, person.UserId));
    }

    [Fact]
    public async Task A_declined_invitation_adds_nobody_and_its_link_stops_working()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var person = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);
        var invited = await (await owner.SendAsync(Invite(organisation.Id, person.Email))).ReadAsync<InviteMemberResult>();
        var signedIn = await app.SignedInAsync(person.Email, TestMember.Password);

        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.DeleteAsync($"/api/invitations/{invited.InvitationId}")).StatusCode);

        Assert.False(await IsMemberAsync(organisation.Id, person.UserId));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(new Uri(invited.InvitationUrl).AbsolutePath)).StatusCode);
        await (await signedIn.PostAsync($"/api/invitations/{invited.InvitationId}/accept", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_link_page_looks_the_same_for_an_address_with_or_without_an_account()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var existing = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);
        var forExisting = await (await owner.SendAsync(Invite(organisation.Id, existing.Email))).ReadAsync<InviteMemberResult>();
        var forUnknown = await (await owner.SendAsync(Invite(organisation.Id, $"nobody{Guid.NewGuid():N}@test.example"))).ReadAsync<InviteMemberResult>();

        var existingPage = await app.Anonymous().GetAsync(new Uri(forExisting.InvitationUrl).AbsolutePath);
        var unknownPage = await app.Anonymous().GetAsync(new Uri(forUnknown.InvitationUrl).AbsolutePath);

        Assert.Equal(HttpStatusCode.OK, existingPage.StatusCode);
        Assert.Equal(existingPage.StatusCode, unknownPage.StatusCode);
        var (a, b) = (await existingPage.Content.ReadAsStringAsync(), await unknownPage.Content.ReadAsStringAsync());
        foreach (var page in new[] { a, b })
        {
            Assert.Contains("id=\"sign-in-to-accept\"", page);
            Assert.Contains("accept-invitation", page);
        }

        Assert.Equal(FormsOf(a), FormsOf(b));
    }

    [Fact]
    public async Task A_signed_in_person_accepts_through_the_link_and_lands_in_the_organisation()
    {
        var (organisation, owner) = await OrganisationWithOwnerAsync();
        var person = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);
        var invited = await (await owner.SendAsync(Invite(organisation.Id, person.Email))).ReadAsync<InviteMemberResult>();
        var path = new Uri(invited.InvitationUrl).AbsolutePath;
        var someoneElse = await app.SignedInAsync((await app.NewMemberAsync("Meridian Outfitters", MemberRole.Viewer)).Email, TestMember.Password);
        Assert.Contains("invitation-for-someone-else", await someoneElse.GetStringAsync(path));
        var signedIn = await app.SignedInAsync(person.Email, TestMember.Password);

        var accepted = await signedIn.PostFormAsync(path, "accept-signed-in", []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith($"/o/{organisation.Id}", accepted.Headers.Location?.OriginalString);
        Assert.True(await IsMemberAsync(organisation.Id, person.UserId));
    }

    [Fact]
    public async Task A_new_organisations_first_owner_with_an_account_is_invited_not_added()
    {
        var admin = await app.OwnerClientAsync("CommonThread Platform");
        var person = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer);

        var created = await (await admin.PostAsJsonAsync("/api/admin/organisations",
            new { name = $"Invited owner {Guid.NewGuid():N}", kind = "Supplier", countryCode = "BD", ownerEmail = person.Email })).ReadAsync<CreatedOrganisationDto>();

        Assert.StartsWith("http", created.OwnerInvitationUrl);
        Assert.False(await IsMemberAsync(created.Organisation.Id, person.UserId));
        var signedIn = await app.SignedInAsync(person.Email, TestMember.Password);
        var pending = Assert.Single((await signedIn.GetFromJsonAsync<List<MyInvitationDto>>("/api/invitations", Http.Json))!);
        Assert.Equal(MemberRole.Owner, pending.Role);
    }

    /// <summary>The body with every id and link replaced, so two answers can be compared for their shape.</summary>
    private static string Shape(string body) => Ids().Replace(Links().Replace(body, "LINK"), "ID");

    private static string Table(string write) => string.Join(' ', write.Split(' ').Take(3));

    private static string FormsOf(string page) => string.Join("|", FormNames().Matches(page).Select(m => m.Groups[1].Value));

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex("https?://[^\"]+")]
    private static partial Regex Links();

    [GeneratedRegex("name=\"_handler\" value=\"([^\"]+)\"")]
    private static partial Regex FormNames();
}

public sealed class InvitationSpecsOnSqlite(SqliteApp app) : InvitationSpecs(app);

public sealed class InvitationSpecsOnPostgres(PostgresApp app) : InvitationSpecs(app);
