using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Audits;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Audits and corrective action plans")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/audits", async ([AsParameters] ListWindow window, HttpContext http, AuditService audits, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AuditListOrders.Audits, await audits.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListAudits").Paged("Latest audit end date first");
        group.MapPost("/audits", async (AuditInput input, HttpContext http, AuditService audits, CancellationToken ct) =>
        {
            var recorded = await audits.RecordAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/audits/{recorded.Id}", recorded);
        }).RequireRole(MemberRole.Editor).WithName("RecordAudit");
        group.MapGet("/audits/{auditId:guid}", async (Guid auditId, HttpContext http, AuditService audits, CancellationToken ct) =>
            TypedResults.Ok(await audits.FindAsync(http.OrganisationAccess(), auditId, ct))).WithName("GetAudit");
        group.MapPost("/audits/{auditId:guid}/non-conformities/import", async (Guid auditId, HttpContext http, AuditService audits, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            var report = await audits.ImportNonConformitiesAsync(http.OrganisationAccess(), auditId, fileName, bytes, ct);
            return report.Problems.Count > 0 ? Results.UnprocessableEntity(report) : Results.Ok(report);
        }).RequireRole(MemberRole.Editor).WithName("ImportNonConformities").WithDescription("Columns: " + string.Join(", ", AuditService.NonConformityColumns) + ". All rows or none.");
        group.MapPost("/audits/{auditId:guid}/report", async (Guid auditId, HttpContext http, AuditService audits, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            await audits.AttachReportAsync(http.OrganisationAccess(), auditId, fileName, bytes, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Editor).WithName("AttachAuditReport");
        group.MapGet("/audits/{auditId:guid}/report", async (Guid auditId, HttpContext http, AuditService audits, CancellationToken ct) =>
        {
            var (fileName, content) = await audits.ReportAsync(http.OrganisationAccess(), auditId, ct);
            return TypedResults.File(content, "application/octet-stream", fileName);
        }).WithName("GetAuditReport");

        group.MapPost("/audits/{auditId:guid}/corrective-plan", async (Guid auditId, PlanFromAuditInput input, HttpContext http, CorrectivePlanService plans, CancellationToken ct) =>
            TypedResults.Ok(await plans.FromAuditAsync(http.OrganisationAccess(), auditId, input, ct))).RequireRole(MemberRole.Editor).WithName("CreateCorrectivePlan");
        group.MapGet("/corrective-plans", async ([AsParameters] ListWindow window, HttpContext http, CorrectivePlanService plans, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AuditListOrders.CorrectivePlans, await plans.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListCorrectivePlans").Paged("Newest first");
        // The lists' exports take the same filter as the plans page, and export the filtered set whole.
        group.MapGet("/corrective-plans.csv", async ([AsParameters] CorrectivePlanQuery query, HttpContext http, CorrectivePlanService plans, CancellationToken ct) =>
            TypedResults.File(AuditListExport.PlansCsv(query.Apply(await plans.RowsAsync(http.OrganisationAccess(), ct))), "text/csv; charset=utf-8", "corrective-plans.csv"))
            .WithName("ExportCorrectivePlansCsv").ReadsFromStandby();
        group.MapGet("/corrective-plans.xlsx", async ([AsParameters] CorrectivePlanQuery query, HttpContext http, CorrectivePlanService plans, CancellationToken ct) =>
            TypedResults.File(AuditListExport.PlansXlsx(query.Apply(await plans.RowsAsync(http.OrganisationAccess(), ct))), Xlsx.ContentType, "corrective-plans.xlsx"))
            .WithName("ExportCorrectivePlansXlsx").ReadsFromStandby();
        group.MapGet("/audits.csv", async ([AsParameters] AuditQuery query, HttpContext http, AuditService audits, CancellationToken ct) =>
            TypedResults.File(AuditListExport.AuditsCsv(query.Apply(await audits.RowsAsync(http.OrganisationAccess(), ct))), "text/csv; charset=utf-8", "audits.csv"))
            .WithName("ExportAuditsCsv").ReadsFromStandby();
        group.MapGet("/audits.xlsx", async ([AsParameters] AuditQuery query, HttpContext http, AuditService audits, CancellationToken ct) =>
            TypedResults.File(AuditListExport.AuditsXlsx(query.Apply(await audits.RowsAsync(http.OrganisationAccess(), ct))), Xlsx.ContentType, "audits.xlsx"))
            .WithName("ExportAuditsXlsx").ReadsFromStandby();
        group.MapGet("/corrective-plans/{planId:guid}", async (Guid planId, HttpContext http, CorrectivePlanService plans, CancellationToken ct) =>
            TypedResults.Ok(await plans.ViewAsync(http.OrganisationAccess(), planId, ct))).WithName("GetCorrectivePlan");
        group.MapPut("/corrective-plans/{planId:guid}/actions/{actionId:guid}", async (Guid planId, Guid actionId, ActionUpdateInput input, HttpContext http, CorrectivePlanService plans,
            CancellationToken ct) => TypedResults.Ok(await plans.UpdateAsync(http.OrganisationAccess(), planId, actionId, input, ct))).RequireRole(MemberRole.Editor).WithName("UpdateCorrectiveAction");
        group.MapPost("/corrective-plans/{planId:guid}/actions/{actionId:guid}/evidence", async (Guid planId, Guid actionId, HttpContext http, CorrectivePlanService plans, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            return TypedResults.Ok(await plans.AddEvidenceAsync(http.OrganisationAccess(), planId, actionId, fileName, bytes, ct));
        }).RequireRole(MemberRole.Editor).WithName("AddCorrectiveEvidence");
        group.MapGet("/corrective-plans/{planId:guid}/evidence/{evidenceId:guid}", async (Guid planId, Guid evidenceId, HttpContext http, CorrectivePlanService plans, CancellationToken ct) =>
        {
            var (fileName, contentType, content) = await plans.EvidenceAsync(http.OrganisationAccess(), planId, evidenceId, ct);
            return TypedResults.File(content, contentType, fileName);
        }).WithName("GetCorrectiveEvidence");
        group.MapPost("/corrective-plans/{planId:guid}/actions/{actionId:guid}/verification", async (Guid planId, Guid actionId, VerificationInput input, HttpContext http,
            CorrectivePlanService plans, CancellationToken ct) => TypedResults.Ok(await plans.VerifyAsync(http.OrganisationAccess(), planId, actionId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("VerifyCorrectiveAction");
        group.MapPost("/corrective-plans/{planId:guid}/invitations", async (Guid planId, InvitationInput input, HttpContext http, CorrectivePlanService plans, CancellationToken ct) =>
            TypedResults.Ok(await plans.InviteAsync(http.OrganisationAccess(), planId, input, ct))).RequireRole(MemberRole.Editor).WithName("InviteUnionToPlan");
        group.MapPost("/corrective-plans/{planId:guid}/actions/{actionId:guid}/comments", async (Guid planId, Guid actionId, CommentInput input, HttpContext http,
            CorrectivePlanService plans, CancellationToken ct) => TypedResults.Ok(await plans.CommentAsync(http.OrganisationAccess(), planId, actionId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("CommentOnCorrectiveAction");
    }
}
