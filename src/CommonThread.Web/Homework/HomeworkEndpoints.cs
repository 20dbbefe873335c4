using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Files;
using Microsoft.AspNetCore.Mvc;

namespace CommonThread.Web.Homework;

public static class HomeworkEndpoints
{
    public static void MapHomeworkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Homework")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/homeworkers", async ([AsParameters] ListWindow window, HttpContext http, HomeworkRegister register, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, HomeworkListOrders.Homeworkers, await register.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListHomeworkers").Paged("By name");
        group.MapPost("/homeworkers", async (HomeworkerInput input, HttpContext http, HomeworkRegister register, CancellationToken ct) =>
        {
            var registered = await register.RegisterAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/homeworkers/{registered.Homeworker.Id}", registered);
        }).RequireRole(MemberRole.Editor).WithName("RegisterHomeworker");
        group.MapGet("/homeworkers/import/template.csv", () => TypedResults.File(HomeworkImportTemplate.HomeworkersCsv(), "text/csv; charset=utf-8", "homeworkers-template.csv"))
            .WithName("HomeworkersTemplateCsv").WithDescription("The homeworker register template: the columns the import reads and one example row.");
        group.MapGet("/homeworkers/import/template.xlsx", () => TypedResults.File(HomeworkImportTemplate.HomeworkersXlsx(), Platform.Files.Xlsx.ContentType, "homeworkers-template.xlsx"))
            .WithName("HomeworkersTemplateXlsx").WithDescription("The homeworker register template as a workbook, with a Help sheet saying what each column takes.");
        group.MapGet("/homework-payments/import/template.csv", () => TypedResults.File(HomeworkImportTemplate.PaymentsCsv(), "text/csv; charset=utf-8", "homework-payments-template.csv"))
            .WithName("HomeworkPaymentsTemplateCsv").WithDescription("The homework payments template: the columns the import reads and one example row.");
        group.MapGet("/homework-payments/import/template.xlsx", () => TypedResults.File(HomeworkImportTemplate.PaymentsXlsx(), Platform.Files.Xlsx.ContentType, "homework-payments-template.xlsx"))
            .WithName("HomeworkPaymentsTemplateXlsx").WithDescription("The homework payments template as a workbook, with a Help sheet.");
        group.MapPost("/homeworkers/import", async (HttpContext http, HomeworkImport import, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            return Report(await import.HomeworkersAsync(http.OrganisationAccess(), fileName, bytes, ct));
        }).RequireRole(MemberRole.Editor).WithName("ImportHomeworkers");
        group.MapPost("/homework-payments/import", async (HttpContext http, HomeworkImport import, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            return Report(await import.PaymentsAsync(http.OrganisationAccess(), fileName, bytes, ct));
        }).RequireRole(MemberRole.Editor).WithName("ImportHomeworkPayments");
        group.MapGet("/homeworkers/{homeworkerId:guid}", async (Guid homeworkerId, HttpContext http, HomeworkRegister register, CancellationToken ct) =>
            TypedResults.Ok(HomeworkerDto.From(await register.FindAsync(http.OrganisationAccess(), homeworkerId, ct)))).WithName("GetHomeworker");
        group.MapPut("/homeworkers/{homeworkerId:guid}", async (Guid homeworkerId, HomeworkerInput input, HttpContext http, HomeworkRegister register, CancellationToken ct) =>
            TypedResults.Ok(await register.UpdateAsync(http.OrganisationAccess(), homeworkerId, input, ct))).RequireRole(MemberRole.Editor).WithName("UpdateHomeworker");
        group.MapPost("/homeworkers/{homeworkerId:guid}/passbook-code", async (Guid homeworkerId, HttpContext http, HomeworkRegister register, CancellationToken ct) =>
            TypedResults.Ok(new { passbookCode = await register.NewPassbookCodeAsync(http.OrganisationAccess(), homeworkerId, ct) }))
            .RequireRole(MemberRole.Editor).WithName("NewPassbookCode");
        group.MapGet("/homeworkers/{homeworkerId:guid}/passbook", async (Guid homeworkerId, HttpContext http, Passbook passbook, CancellationToken ct) =>
            await passbook.ForKeeperAsync(http.OrganisationAccess(), homeworkerId, ct) is { } view ? Results.Ok(view) : Results.Problem(statusCode: 404, title: "homeworker was not found."))
            .WithName("GetPassbook");

        group.MapGet("/homeworkers/{homeworkerId:guid}/passbook.pdf", async (Guid homeworkerId, HttpContext http, Passbook passbook, PassbookPdf pdf, CancellationToken ct) =>
            await passbook.ForKeeperAsync(http.OrganisationAccess(), homeworkerId, ct) is { } view
                ? Results.File(pdf.Passbook(view), "application/pdf", "passbook.pdf")
                : Results.Problem(statusCode: 404, title: "homeworker was not found."))
            .WithName("GetPassbookPdf");
        // This month's payslip unless a year and month are asked for.
        group.MapGet("/homeworkers/{homeworkerId:guid}/payslip.pdf", async (Guid homeworkerId, int? year, int? month, HttpContext http, Passbook passbook, PassbookPdf pdf,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (MonthAsked(year, month, clock) is not { } asked)
            {
                return BadMonth();
            }

            return await passbook.ForKeeperAsync(http.OrganisationAccess(), homeworkerId, ct) is { } view
                ? Results.File(pdf.Payslip(view, asked.Year, asked.Month), "application/pdf", $"payslip-{asked.Year}-{asked.Month:00}.pdf")
                : Results.Problem(statusCode: 404, title: "homeworker was not found.");
        }).WithName("GetPayslipPdf");

        // The homeworker's own passbook as a PDF, with their code: limited like every code entry, and
        // the limiter's "too many" sends the phone back to the passbook page with the message.
        app.MapPost("/passbook/pdf", async ([FromForm] string? code, Passbook passbook, PassbookPdf pdf, CancellationToken ct) =>
            await passbook.ForCodeAsync(code, ct) is { } view
                ? Results.File(pdf.Passbook(view), "application/pdf", "passbook.pdf")
                : Results.LocalRedirect("/passbook"))
            .WithMetadata(new Platform.Api.SharedLimitAttribute(Platform.Api.RateLimitRegistration.ReceiptCode)).ExcludeFromDescription();
        app.MapGet("/passbook/pdf", () => Results.LocalRedirect("/passbook?tooMany=1")).ExcludeFromDescription();

        group.MapGet("/intermediaries", async ([AsParameters] ListWindow window, HttpContext http, IntermediaryService intermediaries, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, HomeworkListOrders.Intermediaries, await intermediaries.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListIntermediaries").Paged("By name");
        group.MapPost("/intermediaries", async (IntermediaryInput input, HttpContext http, IntermediaryService intermediaries, CancellationToken ct) =>
            TypedResults.Ok(await intermediaries.SaveAsync(http.OrganisationAccess(), null, input, ct))).RequireRole(MemberRole.Editor).WithName("CreateIntermediary");
        group.MapPut("/intermediaries/{intermediaryId:guid}", async (Guid intermediaryId, IntermediaryInput input, HttpContext http, IntermediaryService intermediaries, CancellationToken ct) =>
            TypedResults.Ok(await intermediaries.SaveAsync(http.OrganisationAccess(), intermediaryId, input, ct))).RequireRole(MemberRole.Editor).WithName("UpdateIntermediary");

        group.MapGet("/work-orders", async ([AsParameters] ListWindow window, Guid? homeworkerId, HttpContext http, WorkOrderService orders, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, HomeworkListOrders.WorkOrders, await orders.ListAsync(http.OrganisationAccess(), ct, homeworkerId)))).WithName("ListWorkOrders").Paged("Newest issue date first");
        group.MapPost("/work-orders", async (WorkOrderInput input, HttpContext http, WorkOrderService orders, CancellationToken ct) =>
            TypedResults.Ok(await orders.IssueAsync(http.OrganisationAccess(), input, ct))).RequireRole(MemberRole.Editor).WithName("IssueWorkOrder");
        group.MapPost("/work-orders/{workOrderId:guid}/returns", async (Guid workOrderId, PieceReturnInput input, HttpContext http, WorkOrderService orders, CancellationToken ct) =>
            TypedResults.Ok(await orders.ReturnAsync(http.OrganisationAccess(), workOrderId, input, ct))).RequireRole(MemberRole.Editor).WithName("ReturnPieces");
        group.MapPost("/work-orders/{workOrderId:guid}/payments", async (Guid workOrderId, PaymentInput input, HttpContext http, WorkOrderService orders, CancellationToken ct) =>
            TypedResults.Ok(await orders.PayAsync(http.OrganisationAccess(), workOrderId, input, ct))).RequireRole(MemberRole.Editor).WithName("PayHomeworker");

        // This month unless a year and month are asked for.
        group.MapGet("/homework-regularity", async (int? year, int? month, HttpContext http, HomeworkOverview overview, TimeProvider clock, CancellationToken ct) =>
            MonthAsked(year, month, clock) is { } asked ? Results.Ok(await overview.RegularityAsync(http.OrganisationAccess(), asked.Year, asked.Month, ct)) : BadMonth())
            .WithName("GetHomeworkRegularity");
        group.MapGet("/homework-overview", async (HttpContext http, HomeworkOverview overview, CancellationToken ct) =>
            TypedResults.Ok(await overview.ForBrandAsync(http.OrganisationAccess(), ct))).WithName("GetHomeworkOverview");

        group.MapGet("/homework-action-plans", async ([AsParameters] ListWindow window, HttpContext http, ActionPlanService plans, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, HomeworkListOrders.ActionPlans, await plans.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListHomeworkActionPlans").Paged("Open plans first, newest first");
        group.MapPost("/homework-action-plans", async (ActionPlanInput input, HttpContext http, ActionPlanService plans, CancellationToken ct) =>
            TypedResults.Ok(await plans.CreateAsync(http.OrganisationAccess(), input, ct))).RequireRole(MemberRole.Editor).WithName("CreateHomeworkActionPlan");
        group.MapPost("/homework-action-plans/{planId:guid}/measures/{measureId:guid}/done", async (Guid planId, Guid measureId, MeasureDoneInput input, HttpContext http,
            ActionPlanService plans, CancellationToken ct) => TypedResults.Ok(await plans.MeasureDoneAsync(http.OrganisationAccess(), planId, measureId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("CompleteHomeworkActionMeasure");
        group.MapPost("/homework-action-plans/{planId:guid}/close", async (Guid planId, HttpContext http, ActionPlanService plans, CancellationToken ct) =>
            TypedResults.Ok(await plans.CloseAsync(http.OrganisationAccess(), planId, ct))).RequireRole(MemberRole.Editor).WithName("CloseHomeworkActionPlan");

        group.MapPost("/minimum-wages", async (MinimumWageInput input, HttpContext http, MinimumWageService wages, CancellationToken ct) =>
            TypedResults.Ok(await wages.AddAsync(http.OrganisationAccess(), input, ct))).RequireRole(MemberRole.Editor).WithName("AddMinimumWage");
        app.MapGet("/api/minimum-wages", async ([AsParameters] ListWindow window, HttpContext http, MinimumWageService wages, CancellationToken ct) => TypedResults.Ok(window.Answer(http, HomeworkListOrders.MinimumWages, await wages.ListAsync(ct))))
            .RequireAuthorization().WithTags("Homework").WithName("ListMinimumWages").Paged("By country, region, then latest effective date first");
    }

    /// <summary>
    /// A clean import answers 200 with what was written and which rows were already recorded (all of them, and
    /// nothing written, for a file uploaded again: a no-op, not an error); otherwise 422 with every problem by
    /// row and column, and nothing written.
    /// </summary>
    private static IResult Report(HomeworkImportReport report) =>
        report.Problems.Count == 0
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing was imported: the file has problems.",
                detail: $"{report.ProblemCount:N0} problems in {report.Rows:N0} rows{(report.ProblemCount > report.Problems.Count ? $", the first {report.Problems.Count:N0} listed" : "")}; fix them and upload the file again.",
                extensions: new Dictionary<string, object?>
                {
                    ["problems"] = report.Problems, ["problemCount"] = report.ProblemCount, ["alreadyRecorded"] = report.AlreadyRecorded,
                    ["alreadyRecordedRows"] = report.AlreadyRecordedRows,
                });

    /// <summary>The year and month asked for, this month for what is left out; null when out of range.</summary>
    private static (int Year, int Month)? MonthAsked(int? year, int? month, TimeProvider clock)
    {
        var today = clock.GetUtcNow();
        return month is < 1 or > 12 || year is < 2000 or > 2100 ? null : (year ?? today.Year, month ?? today.Month);
    }

    private static IResult BadMonth() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["Give a year (2000–2100) and a month (1–12)."] });
}
