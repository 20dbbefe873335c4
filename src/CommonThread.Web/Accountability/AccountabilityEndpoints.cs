using System.Globalization;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Accountability;

public static class AccountabilityEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapAccountabilityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Accountability and monitoring")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        MapAgreements(group);
        MapFrameworks(group);
        MapRounds(group);
        MapFeedback(group);
        MapPayments(group);
    }

    private static string Language => FeedbackForm.LanguageFor(CultureInfo.CurrentUICulture.Name);

    private static void MapAgreements(RouteGroupBuilder group)
    {
        group.MapGet("/agreements", async ([AsParameters] ListWindow window, HttpContext http, AgreementService agreements, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AccountabilityListOrders.Agreements, await agreements.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListAgreements").Paged("Latest start date first");
        group.MapPost("/agreements", async (AgreementInput input, HttpContext http, AgreementService agreements, CancellationToken ct) =>
        {
            var created = await agreements.CreateAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/agreements/{created.Id}", created);
        }).RequireRole(MemberRole.Editor).WithName("CreateAgreement");
        group.MapGet("/agreements/{agreementId:guid}", async (Guid agreementId, HttpContext http, AgreementService agreements, CancellationToken ct) =>
            TypedResults.Ok(await agreements.FindAsync(http.OrganisationAccess(), agreementId, ct))).WithName("GetAgreement");
        group.MapPost("/agreements/{agreementId:guid}/commitments/{commitmentId:guid}/comments", async (Guid agreementId, Guid commitmentId, CommitmentCommentInput input, HttpContext http,
            AgreementService agreements, CancellationToken ct) => TypedResults.Ok(await agreements.CommentAsync(http.OrganisationAccess(), agreementId, commitmentId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("CommentOnCommitment");
        group.MapPost("/agreements/{agreementId:guid}/document", async (Guid agreementId, HttpContext http, AgreementService agreements, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            await agreements.AttachDocumentAsync(http.OrganisationAccess(), agreementId, fileName, bytes, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Editor).WithName("AttachAgreementDocument");
        group.MapGet("/agreements/{agreementId:guid}/document", async (Guid agreementId, HttpContext http, AgreementService agreements, CancellationToken ct) =>
        {
            var (fileName, content) = await agreements.DocumentAsync(http.OrganisationAccess(), agreementId, ct);
            return TypedResults.File(content, "application/octet-stream", fileName);
        }).WithName("GetAgreementDocument");
    }

    private static void MapFrameworks(RouteGroupBuilder group)
    {
        group.MapGet("/indicator-frameworks", async ([AsParameters] ListWindow window, HttpContext http, FrameworkService frameworks, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AccountabilityListOrders.Frameworks, await frameworks.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListIndicatorFrameworks").Paged("By name");
        group.MapPost("/indicator-frameworks", async (FrameworkInput input, HttpContext http, FrameworkService frameworks, CancellationToken ct) =>
            TypedResults.Ok(await frameworks.CreateAsync(http.OrganisationAccess(), input, ct))).RequireRole(MemberRole.Editor).WithName("CreateIndicatorFramework");
        group.MapGet("/indicator-frameworks/{frameworkId:guid}", async (Guid frameworkId, HttpContext http, FrameworkService frameworks, CancellationToken ct) =>
            TypedResults.Ok(await frameworks.FindAsync(http.OrganisationAccess(), frameworkId, ct))).WithName("GetIndicatorFramework");
        group.MapPost("/indicator-frameworks/{frameworkId:guid}/indicators", async (Guid frameworkId, IndicatorInput input, HttpContext http, FrameworkService frameworks, CancellationToken ct) =>
            TypedResults.Ok(await frameworks.AddIndicatorAsync(http.OrganisationAccess(), frameworkId, input, ct))).RequireRole(MemberRole.Editor).WithName("AddIndicator");
    }

    private static void MapRounds(RouteGroupBuilder group)
    {
        group.MapGet("/rounds", async ([AsParameters] ListWindow window, HttpContext http, RoundService rounds, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AccountabilityListOrders.Rounds, await rounds.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListRounds").Paged("Latest period end first");
        group.MapPost("/rounds", async (RoundInput input, HttpContext http, RoundService rounds, CancellationToken ct) =>
        {
            var opened = await rounds.CreateAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/rounds/{opened.Id}", opened);
        }).RequireRole(MemberRole.Editor).WithName("OpenRound");
        group.MapGet("/rounds/{roundId:guid}", async (Guid roundId, HttpContext http, RoundService rounds, CancellationToken ct) =>
            TypedResults.Ok(await rounds.FindAsync(http.OrganisationAccess(), roundId, ct))).WithName("GetRound");
        group.MapPut("/rounds/{roundId:guid}/threshold", async (Guid roundId, ThresholdInput input, HttpContext http, RoundService rounds, CancellationToken ct) =>
            TypedResults.Ok(await rounds.RaiseThresholdAsync(http.OrganisationAccess(), roundId, input, ct))).RequireRole(MemberRole.Editor).WithName("RaiseFeedbackThreshold");

        group.MapGet("/rounds/{roundId:guid}/brands/{brandId:guid}", async (Guid roundId, Guid brandId, HttpContext http, IndicatorReportService reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.SheetAsync(http.OrganisationAccess(), roundId, brandId, ct))).WithName("GetBrandSheet");
        group.MapPut("/rounds/{roundId:guid}/indicators/{indicatorId:guid}", async (Guid roundId, Guid indicatorId, ReportInput input, HttpContext http, IndicatorReportService reports,
            CancellationToken ct) => TypedResults.Ok(await reports.ReportAsync(http.OrganisationAccess(), roundId, indicatorId, input, ct))).RequireRole(MemberRole.Editor).WithName("ReportIndicator");
        group.MapPost("/rounds/{roundId:guid}/indicators/{indicatorId:guid}/evidence", async (Guid roundId, Guid indicatorId, HttpContext http, IndicatorReportService reports, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            return TypedResults.Ok(await reports.AttachEvidenceAsync(http.OrganisationAccess(), roundId, indicatorId, fileName, bytes, ct));
        }).RequireRole(MemberRole.Editor).WithName("AttachIndicatorEvidence");
        group.MapGet("/rounds/{roundId:guid}/reports/{reportId:guid}/evidence", async (Guid roundId, Guid reportId, HttpContext http, IndicatorReportService reports, CancellationToken ct) =>
        {
            var (fileName, content) = await reports.EvidenceAsync(http.OrganisationAccess(), roundId, reportId, ct);
            return TypedResults.File(content, "application/octet-stream", fileName);
        }).WithName("GetIndicatorEvidence");
        group.MapPost("/rounds/{roundId:guid}/reports/{reportId:guid}/review", async (Guid roundId, Guid reportId, ReviewInput input, HttpContext http, IndicatorReportService reports,
            CancellationToken ct) => TypedResults.Ok(await reports.ReviewAsync(http.OrganisationAccess(), roundId, reportId, input, ct))).RequireRole(MemberRole.Editor).WithName("ReviewIndicatorReport");
        group.MapPost("/rounds/{roundId:guid}/reports/{reportId:guid}/messages", async (Guid roundId, Guid reportId, MessageInput input, HttpContext http, IndicatorReportService reports,
            CancellationToken ct) => TypedResults.Ok(await reports.DiscussAsync(http.OrganisationAccess(), roundId, reportId, input, ct))).RequireRole(MemberRole.Editor).WithName("DiscussIndicatorReport");

        group.MapGet("/rounds/{roundId:guid}/brands/{brandId:guid}/scorecard", async (Guid roundId, Guid brandId, HttpContext http, ScorecardService cards, CancellationToken ct) =>
            TypedResults.Ok(await cards.ScorecardAsync(http.OrganisationAccess(), roundId, brandId, Language, ct))).WithName("GetScorecard").ReadsFromStandby();
        group.MapGet("/rounds/{roundId:guid}/brands/{brandId:guid}/scorecard/pdf", async (Guid roundId, Guid brandId, HttpContext http, ScorecardService cards, CancellationToken ct) =>
            TypedResults.File(RoundReports.BrandPdf(await cards.ScorecardAsync(http.OrganisationAccess(), roundId, brandId, Language, ct)), "application/pdf", "scorecard.pdf"))
            .WithName("GetScorecardPdf").ReadsFromStandby();
        group.MapGet("/rounds/{roundId:guid}/brands/{brandId:guid}/scorecard/xlsx", async (Guid roundId, Guid brandId, HttpContext http, ScorecardService cards, CancellationToken ct) =>
            TypedResults.File(RoundReports.BrandXlsx(await cards.ScorecardAsync(http.OrganisationAccess(), roundId, brandId, Language, ct)), Xlsx, "scorecard.xlsx"))
            .WithName("GetScorecardXlsx").ReadsFromStandby();
        group.MapGet("/rounds/{roundId:guid}/report", async (Guid roundId, HttpContext http, ScorecardService cards, CancellationToken ct) =>
            TypedResults.Ok(await cards.RoundReportAsync(http.OrganisationAccess(), roundId, Language, ct))).WithName("GetRoundReport").ReadsFromStandby();
        group.MapGet("/rounds/{roundId:guid}/report/pdf", async (Guid roundId, HttpContext http, ScorecardService cards, CancellationToken ct) =>
            TypedResults.File(RoundReports.RoundPdf(await cards.RoundReportAsync(http.OrganisationAccess(), roundId, Language, ct)), "application/pdf", "round-report.pdf"))
            .WithName("GetRoundReportPdf").ReadsFromStandby();
        group.MapGet("/rounds/{roundId:guid}/report/xlsx", async (Guid roundId, HttpContext http, ScorecardService cards, CancellationToken ct) =>
            TypedResults.File(RoundReports.RoundXlsx(await cards.RoundReportAsync(http.OrganisationAccess(), roundId, Language, ct)), Xlsx, "round-report.xlsx"))
            .WithName("GetRoundReportXlsx").ReadsFromStandby();
    }

    private static void MapFeedback(RouteGroupBuilder group)
    {
        group.MapPost("/rounds/{roundId:guid}/feedback-invitations", async (Guid roundId, HttpContext http, FeedbackService feedback, CancellationToken ct) =>
            TypedResults.Ok(new { Invited = await feedback.InviteAsync(http.OrganisationAccess(), roundId, ct) })).RequireRole(MemberRole.Editor).WithName("InviteSuppliersToFeedback")
            .WithDescription("Invites the facilities linked to the round's brands since it opened (those already invited are left alone).");
        group.MapPost("/rounds/{roundId:guid}/release", async (Guid roundId, HttpContext http, FeedbackRelease release, CancellationToken ct) =>
            TypedResults.Ok(await release.ReleaseAsync(http.OrganisationAccess(), roundId, ct))).RequireRole(MemberRole.Editor).WithName("ReleaseFeedback");
        group.MapGet("/rounds/{roundId:guid}/flagged-comments", async ([AsParameters] ListWindow window, Guid roundId, HttpContext http, FeedbackService feedback, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AccountabilityListOrders.FlaggedComments, await feedback.FlaggedAsync(http.OrganisationAccess(), roundId, ct)))).WithName("ListFlaggedComments").Paged("By brand, then category");
        group.MapPut("/rounds/{roundId:guid}/comments/{commentId:guid}", async (Guid roundId, Guid commentId, CommentRedactionInput input, HttpContext http, FeedbackService feedback,
            CancellationToken ct) =>
        {
            await feedback.RedactAsync(http.OrganisationAccess(), roundId, commentId, input, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Editor).WithName("RedactComment");
        group.MapPost("/rounds/{roundId:guid}/self-assessment", async (Guid roundId, FeedbackAnswersInput input, HttpContext http, FeedbackService feedback, CancellationToken ct) =>
        {
            await feedback.SelfAssessAsync(http.OrganisationAccess(), roundId, input, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Editor).WithName("SelfAssessPurchasingPractices");

        group.MapGet("/feedback-invitations", async ([AsParameters] ListWindow window, HttpContext http, FeedbackService feedback, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AccountabilityListOrders.FeedbackInvitations, await feedback.InvitationsAsync(http.OrganisationAccess(), ct)))).WithName("ListFeedbackInvitations").Paged("Unanswered first, soonest to close first, then by brand");
        group.MapGet("/feedback-invitations/{feedbackInvitationId:guid}/form", async (Guid feedbackInvitationId, string? language, HttpContext http, FeedbackService feedback,
            CancellationToken ct) => TypedResults.Ok(await feedback.FormAsync(http.OrganisationAccess(), feedbackInvitationId, language, ct)))
            .WithName("GetFeedbackForm").WithDescription("In ?language= (a code such as bn, or a form language); by default the facility's country's language where the form has it.");
        group.MapPost("/feedback-invitations/{feedbackInvitationId:guid}/response", async (Guid feedbackInvitationId, FeedbackAnswersInput input, HttpContext http, FeedbackService feedback,
            CancellationToken ct) =>
        {
            await feedback.SubmitAsync(http.OrganisationAccess(), feedbackInvitationId, input, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Editor).WithName("GiveSupplierFeedback")
            .WithDescription("Answers are stored without the facility, the invitation or the time; the brand sees them only pooled, at the next release, above the round's threshold.");
    }

    private static void MapPayments(RouteGroupBuilder group)
    {
        // The same filter as the page and the exports; the list pages in its own order, which its cursor relies on.
        group.MapGet("/payments", async ([AsParameters] ListWindow window, [AsParameters] PaymentQuery query, HttpContext http, PaymentTermsService payments, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, AccountabilityListOrders.Payments, query.Apply(await payments.ListAsync(http.OrganisationAccess(), ct))))).WithName("ListPayments")
            .Paged("Latest invoice date first", "Filters: q, status (unpaid, overdue, paid-on-time, paid-late), from and to (invoice dates, yyyy-MM-dd); the total counts what they keep.");
        // The exports take the same filter as the payment terms page's list, and export the filtered set whole.
        group.MapGet("/payments.csv", async ([AsParameters] PaymentQuery query, HttpContext http, PaymentTermsService payments, CancellationToken ct) =>
            TypedResults.File(PaymentListExport.Csv(query.Apply(await payments.ListAsync(http.OrganisationAccess(), ct))), "text/csv; charset=utf-8", "invoices.csv"))
            .WithName("ExportPaymentsCsv").ReadsFromStandby();
        group.MapGet("/payments.xlsx", async ([AsParameters] PaymentQuery query, HttpContext http, PaymentTermsService payments, CancellationToken ct) =>
            TypedResults.File(PaymentListExport.Xlsx(query.Apply(await payments.ListAsync(http.OrganisationAccess(), ct))), CommonThread.Web.Platform.Files.Xlsx.ContentType, "invoices.xlsx"))
            .WithName("ExportPaymentsXlsx").ReadsFromStandby();
        group.MapPost("/payments", async (PaymentInput input, HttpContext http, PaymentTermsService payments, CancellationToken ct) =>
            TypedResults.Ok(await payments.RecordAsync(http.OrganisationAccess(), input, ct))).RequireRole(MemberRole.Editor).WithName("RecordPayment");
        group.MapPost("/payments/import", async (HttpContext http, PaymentTermsService payments, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            var report = await payments.ImportAsync(http.OrganisationAccess(), fileName, bytes, ct);
            return report.Problems.Count > 0 ? Results.UnprocessableEntity(report) : Results.Ok(report);
        }).RequireRole(MemberRole.Editor).WithName("ImportPayments").WithDescription("Columns: " + string.Join(", ", PaymentTermsService.ImportColumns) + " (counterpart by name). All rows or none; rows already recorded are left out and listed (a file uploaded again records nothing and answers 200).");
        group.MapPut("/payments/{paymentId:guid}", async (Guid paymentId, PaidSetter input, HttpContext http, PaymentTermsService payments, CancellationToken ct) =>
            TypedResults.Ok(await payments.MarkPaidAsync(http.OrganisationAccess(), paymentId, input, ct))).RequireRole(MemberRole.Editor).WithName("MarkPaymentPaid");
        group.MapGet("/payment-terms", async (HttpContext http, PaymentTermsService payments, CancellationToken ct) =>
            TypedResults.Ok(await payments.OverviewAsync(http.OrganisationAccess(), ct))).WithName("GetPaymentTerms")
            .WithDescription("For a brand: its last twelve months, its own records and its suppliers' pooled (five suppliers or more). For a supplier: its own invoices by brand.");
    }
}
