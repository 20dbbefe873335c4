using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;

namespace CommonThread.Web.Grievances;

/// <summary>
/// The filtered case list as CSV, with the same filter as the Grievances page. It carries exactly what the
/// list shows a party (<see cref="CaseSummary"/>) and the facility's country: nothing of the report, the
/// messages or the reporter, so an export of anonymous cases identifies nobody.
/// </summary>
public static class CaseExport
{
    public static readonly string[] Columns =
        ["reference", "category", "status", "urgent", "facility", "country", "received_on", "acknowledge_by", "reply_by", "acknowledgement_overdue", "reply_overdue", "your_role"];

    public static byte[] Csv(IEnumerable<CaseRow> rows) => Platform.Files.Csv.File(Columns, rows.Select(r => new object?[]
    {
        r.Summary.Reference, r.Summary.Category.ToString(), r.Summary.Status.ToString(), r.Summary.Urgent ? "yes" : "no", r.Summary.FacilityName, r.CountryCode,
        r.Summary.ReceivedOn.ToString("yyyy-MM-dd"), r.Summary.AcknowledgeBy.ToString("yyyy-MM-dd"), r.Summary.FeedbackBy.ToString("yyyy-MM-dd"),
        r.Summary.AcknowledgementOverdue ? "yes" : "no", r.Summary.FeedbackOverdue ? "yes" : "no", r.Summary.YourRole.ToString(),
    }));

    public static void MapCaseExportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Grievances")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .MapGet("/grievances.csv", async ([AsParameters] CaseQuery query, HttpContext http, CaseList cases, CancellationToken ct) =>
                TypedResults.File(Csv(await cases.AllAsync(http.OrganisationAccess(), query.Parse(), ct)), "text/csv; charset=utf-8", "grievances.csv"))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ExportGrievancesCsv").ReadsFromStandby();
}
