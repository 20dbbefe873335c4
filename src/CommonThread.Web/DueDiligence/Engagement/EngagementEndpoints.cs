using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.DueDiligence.Engagement;

public static class EngagementEndpoints
{
    private static readonly ListOrder<EngagementDto> Newest = new ListOrder<EngagementDto>(e => e.Id).By(e => e.HeldOn, descending: true);

    public static void MapEngagementEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Due diligence")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/engagements", async ([AsParameters] ListWindow window, HttpContext http, EngagementService log, CancellationToken ct) =>
                TypedResults.Ok(window.Answer(http, Newest, (await log.ListAsync(http.OrganisationAccess(), ct)).Select(EngagementDto.From))))
            .WithName("ListEngagements").Paged("Latest first", "The organisation's stakeholder engagement log, and the records where it is named as a party.");
        group.MapPost("/engagements", async (EngagementInput input, HttpContext http, EngagementService log, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            var record = await log.RecordAsync(access, input, ct);
            return TypedResults.Created($"/api/organisations/{access.Organisation.Id}/engagements/{record.Id}", EngagementDto.From(await log.FindAsync(access, record.Id, ct)));
        }).RequireRole(MemberRole.Editor).WithName("RecordEngagement");
        group.MapGet("/engagements/{engagementId:guid}", async (Guid engagementId, HttpContext http, EngagementService log, CancellationToken ct) =>
            TypedResults.Ok(EngagementDto.From(await log.FindAsync(http.OrganisationAccess(), engagementId, ct)))).WithName("GetEngagement");
        group.MapPost("/engagements/{engagementId:guid}/comments", async (Guid engagementId, EngagementCommentInput input, HttpContext http, EngagementService log, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            await log.CommentAsync(access, engagementId, input, ct);
            return TypedResults.Ok(EngagementDto.From(await log.FindAsync(access, engagementId, ct)));
        }).RequireRole(MemberRole.Editor).WithName("CommentOnEngagement");
    }
}
