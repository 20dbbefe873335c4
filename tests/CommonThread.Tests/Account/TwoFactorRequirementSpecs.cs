using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Account;

/// <summary>
/// An organisation's owners may require two-factor sign-in of every member: a member without it can
/// do nothing there (pages, API by cookie, API tokens) until they turn it on.
/// </summary>
public abstract class TwoFactorRequirementSpecs(TestApp app)
{
    private static HttpRequestMessage SetRule(Guid organisationId, bool required) =>
        new(HttpMethod.Put, $"/api/organisations/{organisationId}/two-factor") { Content = JsonContent.Create(new { required }) };

    private Task<bool> RequiredAsync(Guid organisationId) =>
        app.WithDbAsync(db => db.Set<Organisation>().Where(o => o.Id == organisationId).Select(o => o.RequireTwoFactor).SingleAsync());

    /// <summary>A fresh organisation and its owner, who uses two-factor sign-in and is signed in with it.</summary>
    private async Task<(Organisation Organisation, HttpClient Owner)> OrganisationWithTwoFactorOwnerAsync()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var owner = await app.NewMemberAsync(organisation.Name, MemberRole.Owner);
        await app.EnableTwoFactorAsync(owner.UserId);
        return (organisation, await app.SignedInAsync(owner.Email, TestMember.Password));
    }

    [Fact]
    public async Task An_owner_without_two_factor_cannot_require_it_and_nothing_is_written()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var owner = await app.SignedInAsync((await app.NewMemberAsync(organisation.Name, MemberRole.Owner)).Email, TestMember.Password);

        var (response, writes) = await app.ProbedAsync(owner, SetRule(organisation.Id, true));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("two-factor", Assert.Single(problem.FieldErrors("required")));
        Assert.Empty(writes);
        Assert.False(await RequiredAsync(organisation.Id));
    }

    [Fact]
    public async Task A_member_without_two_factor_can_do_nothing_in_an_organisation_that_requires_it_until_they_turn_it_on()
    {
        var (organisation, owner) = await OrganisationWithTwoFactorOwnerAsync();
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        var token = await app.ClientForAsync(member);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);

        var set = await (await owner.SendAsync(SetRule(organisation.Id, true))).ReadAsync<OrganisationDto>();
        Assert.True(set.RequireTwoFactor);

        var byCookie = await (await browser.GetAsync($"/api/organisations/{organisation.Id}/members")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("two-factor", byCookie.GetProperty("detail").GetString());
        var byToken = await (await token.GetAsync($"/api/organisations/{organisation.Id}/members")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("two-factor", byToken.GetProperty("detail").GetString());
        var page = await browser.GetAsync($"/o/{organisation.Id}/members");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.EndsWith("/account/two-factor", page.Headers.Location?.OriginalString);
        var setup = await browser.GetStringAsync("/account/two-factor");
        Assert.Contains("id=\"two-factor-required\"", setup);
        Assert.Contains(organisation.Name, setup);

        await app.EnableTwoFactorAsync(member.UserId);
        var again = await app.SignedInAsync(member.Email, TestMember.Password);

        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/organisations/{organisation.Id}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/o/{organisation.Id}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/organisations/{organisation.Id}/members")).StatusCode);
    }

    [Fact]
    public async Task Only_the_organisations_own_owners_change_its_rule()
    {
        var (organisation, _) = await OrganisationWithTwoFactorOwnerAsync();
        var editor = await app.ClientForAsync(await app.NewMemberAsync(organisation.Name, MemberRole.Editor));
        var (otherOrganisation, otherOwner) = await OrganisationWithTwoFactorOwnerAsync();

        var (byEditor, editorWrites) = await app.ProbedAsync(editor, SetRule(organisation.Id, true));
        var (byOtherOwner, otherWrites) = await app.ProbedAsync(otherOwner, SetRule(organisation.Id, true));
        var byNobody = await app.Anonymous().SendAsync(SetRule(organisation.Id, true));

        await byEditor.ProblemAsync(HttpStatusCode.Forbidden);
        await byOtherOwner.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Empty(editorWrites.Concat(otherWrites));
        Assert.False(await RequiredAsync(organisation.Id));
        Assert.False(await RequiredAsync(otherOrganisation.Id));
    }

    [Fact]
    public async Task An_owner_requires_it_from_the_members_page_and_the_audit_trail_says_so()
    {
        var (organisation, owner) = await OrganisationWithTwoFactorOwnerAsync();

        var response = await owner.PostFormAsync($"/o/{organisation.Id}/members", "two-factor-rule", new() { ["RequireTwoFactor"] = "True" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Members must use two-factor sign-in here.", await response.Content.ReadAsStringAsync());
        Assert.True(await RequiredAsync(organisation.Id));
        var trail = await owner.GetFromJsonAsync<List<AuditEntryDto>>($"/api/organisations/{organisation.Id}/audit", Http.Json);
        Assert.Contains(trail!, e => e.Action == "organisation.two-factor");
    }

    [Fact]
    public async Task The_members_page_tells_an_owner_without_two_factor_to_turn_it_on_first()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var owner = await app.SignedInAsync((await app.NewMemberAsync(organisation.Name, MemberRole.Owner)).Email, TestMember.Password);

        var response = await owner.PostFormAsync($"/o/{organisation.Id}/members", "two-factor-rule", new() { ["RequireTwoFactor"] = "True" });

        Assert.Contains("id=\"two-factor-error\"", await response.Content.ReadAsStringAsync());
        Assert.False(await RequiredAsync(organisation.Id));
    }

    [Fact]
    public async Task A_member_cannot_turn_two_factor_off_while_an_organisation_requires_it()
    {
        var (organisation, owner) = await OrganisationWithTwoFactorOwnerAsync();
        (await owner.SendAsync(SetRule(organisation.Id, true))).EnsureSuccessStatusCode();
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Viewer);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);

        var page = await browser.GetStringAsync("/account/two-factor");
        await browser.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "disable-2fa",
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value),
        }));

        Assert.Contains("id=\"two-factor-kept\"", page);
        Assert.DoesNotContain("disable-2fa", page);
        Assert.True(await app.WithDbAsync(db => db.Set<CommonThread.Data.AppUser>().Where(u => u.Id == member.UserId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Platform_administration_always_requires_two_factor()
    {
        var platform = await app.OrganisationAsync("CommonThread Platform");
        var admin = await app.OwnerClientAsync("CommonThread Platform");

        var (response, writes) = await app.ProbedAsync(admin, SetRule(platform.Id, false));

        Assert.Single((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("required"));
        Assert.Empty(writes);
        Assert.True((await admin.GetFromJsonAsync<OrganisationDto>($"/api/organisations/{platform.Id}", Http.Json))!.RequireTwoFactor);
    }
}

public sealed class TwoFactorRequirementSpecsOnSqlite(SqliteApp app) : TwoFactorRequirementSpecs(app);

public sealed class TwoFactorRequirementSpecsOnPostgres(PostgresApp app) : TwoFactorRequirementSpecs(app);
