using CommonThread.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommonThread.Web.Organisations;

public static class MembersEndpoints
{
    public static void MapMembersEndpoints(this RouteGroupBuilder organisation)
    {
        organisation.MapGet("/members", async ([AsParameters] ListWindow window, HttpContext http, MembershipService members, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, OrganisationListOrders.Members, await members.ListAsync(http.OrganisationAccess().Organisation.Id, ct)))).WithName("ListMembers").Paged("By display name");
        organisation.MapPost("/members", Invite).RequireRole(MemberRole.Owner).WithName("InviteMember");
        organisation.MapPut("/members/{userId}/role", async (string userId, ChangeRoleRequest request, HttpContext http, MembershipService members, CancellationToken ct) =>
        {
            await members.ChangeRoleAsync(http.OrganisationAccess(), userId, request.Role!.Value, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Owner).WithName("ChangeMemberRole");
        organisation.MapDelete("/members/{userId}", async (string userId, HttpContext http, MembershipService members, CancellationToken ct) =>
        {
            await members.RemoveAsync(http.OrganisationAccess(), userId, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Owner).WithName("RemoveMember");

        organisation.MapGet("/invitations", async ([AsParameters] ListWindow window, HttpContext http, MembershipService members, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, OrganisationListOrders.Invitations, await members.ListOpenInvitationsAsync(http.OrganisationAccess().Organisation.Id, ct))))
            .RequireRole(MemberRole.Owner).WithName("ListInvitations").Paged("By email address");
        organisation.MapDelete("/invitations/{invitationId:guid}", async (Guid invitationId, HttpContext http, MembershipService members, CancellationToken ct) =>
        {
            await members.CancelInvitationAsync(http.OrganisationAccess(), invitationId, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Owner).WithName("CancelInvitation");
    }

    public static string InvitationUrl(HttpContext http, string secret) => $"{http.Request.Scheme}://{http.Request.Host}/invite/{secret}";

    private static async Task<Ok<InviteMemberResult>> Invite(InviteMemberRequest request, HttpContext http, MembershipService members, CancellationToken ct)
    {
        var outcome = await members.InviteAsync(http.OrganisationAccess(), request.Email, request.Role!.Value, ct);
        return TypedResults.Ok(new InviteMemberResult("Invited", outcome.InvitationId, InvitationUrl(http, outcome.Secret)));
    }
}
