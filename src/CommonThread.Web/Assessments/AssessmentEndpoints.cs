using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Assessments;

public static class AssessmentEndpoints
{
    public static void MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Assessments")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/questionnaires", async ([AsParameters] ListWindow window, HttpContext http, QuestionnaireLibrary library, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AssessmentListOrders.Questionnaires, await library.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListQuestionnaires").Paged("Starter questionnaires first, then by title");
        group.MapPost("/questionnaires/import", async (HttpContext http, QuestionnaireLibrary library, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            var imported = await library.ImportAsync(http.OrganisationAccess(), fileName, bytes, ct);
            return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/questionnaires/{imported.Id}", imported);
        }).RequireRole(MemberRole.Editor).WithName("ImportQuestionnaire");
        group.MapGet("/questionnaires/{questionnaireId:guid}/file", async (Guid questionnaireId, HttpContext http, QuestionnaireLibrary library, CancellationToken ct) =>
        {
            var q = await library.FindUsableAsync(http.OrganisationAccess(), questionnaireId, ct);
            return TypedResults.File(q.Content, q.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", q.FileName);
        }).WithName("DownloadQuestionnaire");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            group.MapGet($"/questionnaires/{{questionnaireId:guid}}/responses.{format}", async (Guid questionnaireId, HttpContext http, ResponseExport export, CancellationToken ct) =>
            {
                var (fileName, contentType, content) = await export.ExportAsync(http.OrganisationAccess(), questionnaireId, format == "xlsx", ct);
                return TypedResults.File(content, contentType, fileName);
            }).WithName($"ExportResponses{format.ToUpperInvariant()}").ReadsFromStandby().WithDescription("Submitted answers to what this organisation sent, in KoboToolbox's export layout.");
        }

        group.MapPost("/assignments", async (AssignInput input, HttpContext http, AssignmentService assignments, CancellationToken ct) =>
            TypedResults.Ok(await assignments.AssignAsync(http.OrganisationAccess(), input, ct))).RequireRole(MemberRole.Editor).WithName("AssignQuestionnaire");
        // The same filter as the page and the exports; the list pages in its own order, which its cursor relies on.
        group.MapGet("/assignments", async ([AsParameters] ListWindow window, [AsParameters] AssignmentQuery query, string? direction, HttpContext http, AssignmentService assignments,
                CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AssessmentListOrders.Assignments, query.Apply(await assignments.ListAsync(http.OrganisationAccess(), direction == "sent", ct)))))
            .WithName("ListAssignments").Paged("Newest assignment first, then by facility",
                "direction=sent: what this organisation sent; otherwise what it was asked to answer. Filters: q, status (open, overdue, submitted), questionnaire, country; the total counts what they keep.");
        // The exports take the same filter as the assessments page's lists, and export the filtered set whole.
        group.MapGet("/assignments.csv", async ([AsParameters] AssignmentQuery query, string? direction, HttpContext http, AssignmentService assignments, CancellationToken ct) =>
            TypedResults.File(AssignmentListExport.Csv(query.Apply(await assignments.ListAsync(http.OrganisationAccess(), direction == "sent", ct))), "text/csv; charset=utf-8",
                direction == "sent" ? "questionnaires-sent.csv" : "questionnaires-to-answer.csv")).WithName("ExportAssignmentsCsv").ReadsFromStandby();
        group.MapGet("/assignments.xlsx", async ([AsParameters] AssignmentQuery query, string? direction, HttpContext http, AssignmentService assignments, CancellationToken ct) =>
            TypedResults.File(AssignmentListExport.Xlsx(query.Apply(await assignments.ListAsync(http.OrganisationAccess(), direction == "sent", ct))), Xlsx.ContentType,
                direction == "sent" ? "questionnaires-sent.xlsx" : "questionnaires-to-answer.xlsx")).WithName("ExportAssignmentsXlsx").ReadsFromStandby();
        group.MapGet("/assignments/{assignmentId:guid}/response", async (Guid assignmentId, HttpContext http, ResponseService responses, CancellationToken ct) =>
            TypedResults.Ok(await responses.ReadAsync(http.OrganisationAccess(), assignmentId, ct))).WithName("GetResponse");
        group.MapPut("/assignments/{assignmentId:guid}/response", async (Guid assignmentId, ResponseInput input, HttpContext http, ResponseService responses, CancellationToken ct) =>
            TypedResults.Ok(await responses.SaveDraftAsync(http.OrganisationAccess(), assignmentId, input, ct))).RequireRole(MemberRole.Editor).WithName("SaveDraftResponse");
        group.MapPost("/assignments/{assignmentId:guid}/response/submit", async (Guid assignmentId, ResponseInput input, HttpContext http, ResponseService responses,
            CancellationToken ct) =>
            TypedResults.Ok(await responses.SubmitAsync(http.OrganisationAccess(), assignmentId, input, ct))).RequireRole(MemberRole.Editor).WithName("SubmitResponse");
        group.MapPut("/assignments/{assignmentId:guid}/files/{key}", async (Guid assignmentId, string key, HttpContext http, ResponseService responses, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            return TypedResults.Ok(await responses.AttachFileAsync(http.OrganisationAccess(), assignmentId, new AnswerFile(key, fileName, bytes), ct));
        }).RequireRole(MemberRole.Editor).WithName("AttachAnswerFile").WithDescription("A photo or document as the draft's answer to an image or file question (key: question, or question#instance in a repeat).");
        group.MapGet("/assignments/{assignmentId:guid}/files/{key}", async (Guid assignmentId, string key, HttpContext http, ResponseService responses, CancellationToken ct) =>
        {
            var file = await responses.FileAsync(http.OrganisationAccess(), assignmentId, key, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).WithName("DownloadAnswerFile");
        group.MapPost("/assignments/{assignmentId:guid}/evaluate", async (Guid assignmentId, ResponseInput input, HttpContext http, ResponseService responses, CancellationToken ct) =>
            TypedResults.Ok(await responses.EvaluateAsync(http.OrganisationAccess(), assignmentId, input, ct))).WithName("EvaluateResponse").WithDescription("What the form shows, calculates and refuses for these answers; nothing is stored.");
    }
}
