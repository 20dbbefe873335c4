using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Knowledge.Networks;

public static class NetworkEndpoints
{
    /// <summary>The order the list is paged in: invitations waiting for an answer first, then by name.</summary>
    private static readonly ListOrder<NetworkSummary> ListOrder =
        new ListOrder<NetworkSummary>(n => n.Id).By(n => n.YourStatus != MembershipStatus.Invited).By(n => n.Title);

    public static void MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}/networks").RequireOrganisationMember().WithTags("Networks")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", async ([AsParameters] ListWindow window, HttpContext http, NetworkService networks, CancellationToken ct) =>
                TypedResults.Ok(window.Answer(http, ListOrder, await networks.ListAsync(http.OrganisationAccess().Organisation.Id, ct))))
            .WithName("ListNetworks").Paged("Invitations first, then by name")
            .WithDescription("The task forces, working groups and research networks the organisation is in or invited to.");
        group.MapPost("", async (NetworkInput input, HttpContext http, NetworkService networks, CancellationToken ct) =>
            {
                var network = await networks.CreateAsync(http.OrganisationAccess(), input, ct);
                return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/networks/{network.Id}", network);
            }).RequireRole(MemberRole.Editor).WithName("CreateNetwork").WithDescription("The organisation convenes it and is its first member.");
        group.MapGet("/{networkId:guid}", async (Guid networkId, HttpContext http, NetworkService networks, CancellationToken ct) =>
            TypedResults.Ok(await networks.FindAsync(http.OrganisationAccess().Organisation.Id, networkId, ct))).WithName("GetNetwork")
            .WithDescription("Whole for a member (meetings with agendas, minutes, decisions, attendance and action items; documents); the network and its members for an invited organisation.");
        group.MapPost("/{networkId:guid}/members", async (Guid networkId, NetworkInvitation invitation, HttpContext http, NetworkService networks, CancellationToken ct) =>
            TypedResults.Ok(await networks.InviteAsync(http.OrganisationAccess(), networkId, invitation, ct))).RequireRole(MemberRole.Editor).WithName("InviteToNetwork")
            .WithDescription("The convener invites an organisation: it becomes a member when it accepts.");
        group.MapPut("/{networkId:guid}/membership", async (Guid networkId, MembershipAnswer answer, HttpContext http, NetworkService networks, CancellationToken ct) =>
                await networks.AnswerAsync(http.OrganisationAccess(), networkId, answer.Join, ct) is { } network ? Results.Ok(network) : Results.NoContent())
            .RequireRole(MemberRole.Editor).WithName("AnswerNetworkMembership").WithDescription("true: the invited organisation joins; false: it declines, or a member leaves.");
        group.MapPost("/{networkId:guid}/meetings", async (Guid networkId, MeetingInput input, HttpContext http, NetworkService networks, CancellationToken ct) =>
            TypedResults.Ok(await networks.ScheduleAsync(http.OrganisationAccess(), networkId, input, ct))).RequireRole(MemberRole.Editor).WithName("ScheduleNetworkMeeting");
        group.MapPut("/{networkId:guid}/meetings/{meetingId:guid}/minutes", async (Guid networkId, Guid meetingId, MinutesInput input, HttpContext http, NetworkService networks,
                CancellationToken ct) => TypedResults.Ok(await networks.RecordMinutesAsync(http.OrganisationAccess(), networkId, meetingId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("RecordNetworkMinutes").WithDescription("Replaces the meeting's minutes, decisions and attendance.");
        group.MapPost("/{networkId:guid}/meetings/{meetingId:guid}/actions", async (Guid networkId, Guid meetingId, ActionItemInput input, HttpContext http, NetworkService networks,
                CancellationToken ct) => TypedResults.Ok(await networks.AddActionAsync(http.OrganisationAccess(), networkId, meetingId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("AddNetworkAction");
        group.MapPut("/{networkId:guid}/actions/{actionId:guid}", async (Guid networkId, Guid actionId, ActionItemUpdate update, HttpContext http, NetworkService networks,
                CancellationToken ct) => TypedResults.Ok(await networks.UpdateActionAsync(http.OrganisationAccess(), networkId, actionId, update, ct)))
            .RequireRole(MemberRole.Editor).WithName("UpdateNetworkAction").WithDescription("By the organisation that owns the action, or the convener.");
        group.MapPost("/{networkId:guid}/documents", async (Guid networkId, HttpContext http, NetworkService networks, CancellationToken ct) =>
            {
                var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
                var form = http.Request.Form;
                Guid? meetingId = Guid.TryParse(form["meetingId"], out var m) ? m : null;
                return TypedResults.Ok(await networks.AddDocumentAsync(http.OrganisationAccess(), networkId, form["title"], meetingId, (fileName, bytes), ct));
            }).RequireRole(MemberRole.Editor).WithName("AddNetworkDocument")
            .WithDescription("multipart/form-data: the file in \"file\", its title in \"title\", and optionally the meeting it belongs to in \"meetingId\". Members only.");
        group.MapGet("/{networkId:guid}/documents/{documentId:guid}", async (Guid networkId, Guid documentId, HttpContext http, NetworkService networks, CancellationToken ct) =>
            {
                var (fileName, bytes) = await networks.DocumentAsync(http.OrganisationAccess(), networkId, documentId, ct);
                return TypedResults.File(bytes, FileSignature.TypeOf(bytes) ?? "application/octet-stream", fileName);
            }).WithName("GetNetworkDocument");
    }
}
