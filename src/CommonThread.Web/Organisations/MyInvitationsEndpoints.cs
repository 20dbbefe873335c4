using CommonThread.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommonThread.Web.Organisations;

/// <summary>The signed-in person's own invitations: list, accept (and only then join), decline.</summary>
public static class MyInvitationsEndpoints
{
    public static void MapMyInvitationsEndpoints(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/invitations").RequireAuthorization().WithTags("Organisations")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        mine.MapGet("/", async ([AsParameters] ListWindow window, HttpContext http, InvitationInbox inbox, CancellationToken ct) => TypedResults.Ok(window.Answer(http, OrganisationListOrders.MyInvitations, await inbox.ListAsync(ct)))).WithName("ListMyInvitations").Paged("By organisation name");
        mine.MapPost("/{invitationId:guid}/accept", async Task<Ok<OrganisationDto>> (Guid invitationId, InvitationInbox inbox, AccessService access, CancellationToken ct) =>
        {
            var organisationId = await inbox.AcceptAsync(invitationId, ct);
            var joined = await access.FindAsync(organisationId, ct) ?? throw new InvalidOperationException("The membership was just made.");
            return TypedResults.Ok(OrganisationDto.From(joined.Organisation, joined.Role));
        }).WithName("AcceptMyInvitation");
        mine.MapDelete("/{invitationId:guid}", async (Guid invitationId, InvitationInbox inbox, CancellationToken ct) =>
        {
            await inbox.DeclineAsync(invitationId, ct);
            return TypedResults.NoContent();
        }).WithName("DeclineMyInvitation");
    }
}
