using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.DueDiligence.Reports;

public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Due diligence")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/dd-reports", (HttpContext http, DueDiligenceReports reports) =>
                TypedResults.Ok(reports.Available(http.OrganisationAccess()).Select(r => new { r.Key, r.Name, r.Version, r.EffectiveFrom, r.EffectiveTo, r.Basis }).ToList()))
            .WithName("ListDueDiligenceReports").WithDescription("The reports in force today, each with the version of its structure.");
        group.MapGet("/dd-reports/{reportKey}", async (string reportKey, HttpContext http, DueDiligenceReports reports, IStringLocalizer<Shell> text, CancellationToken ct) =>
                TypedResults.Ok(await reports.BuildAsync(http.OrganisationAccess(), reportKey, text, ct)))
            .WithName("GetDueDiligenceReport").ReadsFromStandby().WithDescription("A report from the records: each figure with the page of its records, and the gaps.");
        group.MapGet("/dd-reports/{reportKey}.pdf", async (string reportKey, HttpContext http, DueDiligenceReports reports, IStringLocalizer<Shell> text, CancellationToken ct) =>
        {
            var report = await reports.BuildAsync(http.OrganisationAccess(), reportKey, text, ct);
            return TypedResults.File(DueDiligenceReports.Pdf(report, text), "application/pdf", $"{report.Key}-{report.GeneratedAt:yyyy-MM-dd}.pdf");
        }).WithName("GetDueDiligenceReportPdf").ReadsFromStandby();
        group.MapGet("/dd-reports/{reportKey}.xlsx", async (string reportKey, HttpContext http, DueDiligenceReports reports, IStringLocalizer<Shell> text, CancellationToken ct) =>
        {
            var report = await reports.BuildAsync(http.OrganisationAccess(), reportKey, text, ct);
            return TypedResults.File(DueDiligenceReports.Xlsx(report, text), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{report.Key}-{report.GeneratedAt:yyyy-MM-dd}.xlsx");
        }).WithName("GetDueDiligenceReportXlsx").ReadsFromStandby();
    }
}
