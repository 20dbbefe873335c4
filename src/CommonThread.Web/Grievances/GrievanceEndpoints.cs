using System.Security.Claims;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Data;

namespace CommonThread.Web.Grievances;

public static class GrievanceEndpoints
{
    public static void MapGrievanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCaseExportEndpoints();
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Grievances")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/grievance-mechanism", async (HttpContext http, MechanismService mechanisms, CancellationToken ct) =>
            await mechanisms.GetAsync(http.OrganisationAccess().Organisation.Id, ct) is { } mechanism ? Results.Ok(mechanism) : Results.NoContent())
            .WithName("GetGrievanceMechanism");
        group.MapPut("/grievance-mechanism", async (MechanismInput input, HttpContext http, MechanismService mechanisms, CancellationToken ct) =>
            TypedResults.Ok(await mechanisms.SaveAsync(http.OrganisationAccess(), input, ct)))
            .RequireRole(MemberRole.Owner).WithName("SaveGrievanceMechanism");
        group.MapPost("/grievance-mechanism/channels", async (ChannelInput input, HttpContext http, MechanismService mechanisms, CancellationToken ct) =>
        {
            var channel = await mechanisms.AddChannelAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created(channel.Link, channel);
        }).RequireRole(MemberRole.Editor).WithName("CreateGrievanceChannel");

        // An SMS or hotline gateway files what a caller reported, with a token of the mechanism's organisation.
        group.MapPost("/grievance-intake/{channelCode}", async (string channelCode, IntakeInput input, HttpContext http, IntakeService intake, CancellationToken ct) =>
            TypedResults.Ok(await intake.SubmitAsync(channelCode, input, ct, onlyForOrganisation: http.OrganisationAccess().Organisation.Id,
                gatewayUser: http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "")))
            .RequireRole(MemberRole.Editor).WithName("IntakeGrievance");

        group.MapGet("/grievance-statistics", async (HttpContext http, GrievanceStatistics statistics, CancellationToken ct) =>
            TypedResults.Ok(await statistics.ForAsync(http.OrganisationAccess(), ct)))
            .WithName("GetGrievanceStatistics").ReadsFromStandby();
        group.MapGet("/grievance-statistics.csv", async (HttpContext http, GrievanceStatistics statistics, CancellationToken ct) =>
        {
            var rows = await statistics.ForAsync(http.OrganisationAccess(), ct);
            var csv = Platform.Files.Csv.File(["dimension", "group", "cases", "median_days_to_acknowledge", "median_days_to_close"],
                rows.Select(r => new object?[] { r.Dimension, r.Group, r.Suppressed ? $"fewer than {GrievanceStatistics.MinimumGroup}" : r.Cases, r.MedianDaysToAcknowledge, r.MedianDaysToClose }));
            return TypedResults.File(csv, "text/csv; charset=utf-8", "grievance-statistics.csv");
        }).WithName("ExportGrievanceStatisticsCsv").ReadsFromStandby();

        group.MapGet("/grievances", async ([AsParameters] ListWindow window, HttpContext http, CaseService cases, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, GrievanceListOrders.Cases, await cases.ListAsync(http.OrganisationAccess(), ct))))
            .WithName("ListGrievances").Paged("Urgent cases first, then overdue ones, then newest received");
        group.MapGet("/grievances/{caseId:guid}", async (Guid caseId, HttpContext http, CaseService cases, CancellationToken ct) =>
            TypedResults.Ok(await cases.GetAsync(http.OrganisationAccess(), caseId, ct)))
            .WithName("GetGrievance");
        group.MapGet("/grievances/{caseId:guid}/attachments/{attachmentId:guid}", async (Guid caseId, Guid attachmentId, HttpContext http, CaseService cases, CancellationToken ct) =>
        {
            var (fileName, contentType, content) = await cases.AttachmentAsync(http.OrganisationAccess(), caseId, attachmentId, ct);
            return TypedResults.File(content, contentType, fileName);
        }).WithName("GetGrievanceAttachment");
        group.MapPost("/grievances/{caseId:guid}/messages", async (Guid caseId, CaseMessageInput input, HttpContext http, CaseService cases, CancellationToken ct) =>
            TypedResults.Ok(await cases.PostAsync(http.OrganisationAccess(), caseId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("PostGrievanceMessage");
        group.MapPost("/grievances/{caseId:guid}/transitions", async (Guid caseId, CaseTransitionInput input, HttpContext http, CaseService cases, CancellationToken ct) =>
            TypedResults.Ok(await cases.TransitionAsync(http.OrganisationAccess(), caseId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("TransitionGrievance");
        group.MapPost("/grievances/{caseId:guid}/parties", async (Guid caseId, AddCasePartyInput input, HttpContext http, CasePartyAdditions additions, CaseService cases, CancellationToken ct) =>
        {
            await additions.AddAsync(http.OrganisationAccess(), caseId, input, ct);
            return TypedResults.Ok(await cases.GetAsync(http.OrganisationAccess(), caseId, ct));
        }).RequireRole(MemberRole.Editor).WithName("AddCaseParty");
        group.MapPost("/grievances/{caseId:guid}/agree", async (Guid caseId, HttpContext http, CaseService cases, CancellationToken ct) =>
            TypedResults.Ok(await cases.AgreeAsync(http.OrganisationAccess(), caseId, ct)))
            .RequireRole(MemberRole.Editor).WithName("AgreeToRemedy");
        group.MapPost("/grievances/{caseId:guid}/step-back", async (Guid caseId, HttpContext http, CaseService cases, CancellationToken ct) =>
        {
            await cases.StepBackAsync(http.OrganisationAccess(), caseId, ct);
            return TypedResults.NoContent();
        }).WithName("StepBackFromGrievance");
    }
}
