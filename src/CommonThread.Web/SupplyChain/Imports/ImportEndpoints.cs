using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.SupplyChain.Imports;

public static class ImportEndpoints
{
    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}/imports").RequireOrganisationMember().WithTags("Imports")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        // multipart/form-data with one part named "file" (.csv or .xlsx). Read by hand rather than bound,
        // so API clients with a token need no antiforgery token; cookies are SameSite=Lax.
        group.MapPost("/", async (HttpContext http, FacilityImportService imports, CancellationToken ct) =>
        {
            var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
            var import = await imports.UploadAsync(http.OrganisationAccess(), fileName, bytes, ct);
            return TypedResults.Created($"imports/{import.Id}", import);
        }).RequireRole(MemberRole.Editor).WithName("UploadImport")
            .Accepts<IFormFile>("multipart/form-data").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", async (HttpContext http, FacilityImportService imports, CancellationToken ct) =>
            TypedResults.Ok(await imports.ListAsync(http.OrganisationAccess().Organisation.Id, ct)))
            .WithName("ListImports");
        group.MapGet("/template.csv", (HttpContext http) =>
            TypedResults.File(FacilityListTemplate.Csv(http.OrganisationAccess().Organisation.Kind), "text/csv; charset=utf-8", "facility-list-template.csv"))
            .WithName("ImportTemplateCsv").WithDescription("The facility list template for this kind of organisation: the header and one example row.");
        group.MapGet("/template.xlsx", (HttpContext http) =>
            TypedResults.File(FacilityListTemplate.Xlsx(http.OrganisationAccess().Organisation.Kind), FacilityListTemplate.XlsxContentType, "facility-list-template.xlsx"))
            .WithName("ImportTemplateXlsx").WithDescription("The template as a workbook, with a Help sheet naming the other spellings each column is recognised by.");
        group.MapGet("/{importId:guid}", async (Guid importId, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
            TypedResults.Ok(await imports.GetAsync(http.OrganisationAccess().Organisation.Id, importId, ct)))
            .WithName("GetImport");
        group.MapGet("/{importId:guid}/problems", async (Guid importId, int? skip, int? take, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
            TypedResults.Ok(await imports.ProblemsAsync(http.OrganisationAccess().Organisation.Id, importId, skip ?? 0, take ?? 200, ct)))
            .WithName("ListImportProblems");
        group.MapGet("/{importId:guid}/links", async (Guid importId, int? skip, int? take, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
            TypedResults.Ok(await imports.LinksAsync(http.OrganisationAccess().Organisation.Id, importId, skip ?? 0, take ?? 200, ct)))
            .WithName("ListImportLinks");
        group.MapPost("/{importId:guid}/start", async (Guid importId, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
            TypedResults.Accepted($"../{importId}", await imports.StartAsync(http.OrganisationAccess(), importId, ct)))
            .RequireRole(MemberRole.Editor).WithName("StartImport");

        group.MapGet("/reviews", async (HttpContext http, ReviewQueue queue, CancellationToken ct) =>
            TypedResults.Ok(await queue.PendingAsync(http.OrganisationAccess().Organisation.Id, ct)))
            .WithName("ListMatchReviews")
            .WithDescription("Rows waiting for a person, each beside the facility it may be. `evidence` says why the pair is uncertain, part by part "
                + "(part, verdict Agrees / Partly / Differs / Missing, score 0–1, the row's and the candidate's value as the matcher read them), "
                + "disagreeing parts first; new parts may appear. Null for rows queued before the reasons were kept.");
        group.MapPost("/reviews/{reviewId:guid}/confirm", async (Guid reviewId, HttpContext http, MatchReviewDecisions decisions, CancellationToken ct) =>
            TypedResults.Ok(await decisions.DecideAsync(http.OrganisationAccess(), reviewId, sameFacility: true, ct)))
            .RequireRole(MemberRole.Editor).WithName("ConfirmMatch");
        group.MapPost("/reviews/{reviewId:guid}/reject", async (Guid reviewId, HttpContext http, MatchReviewDecisions decisions, CancellationToken ct) =>
            TypedResults.Ok(await decisions.DecideAsync(http.OrganisationAccess(), reviewId, sameFacility: false, ct)))
            .RequireRole(MemberRole.Editor).WithName("RejectMatch");
        group.MapPost("/reviews/decisions", async (ReviewDecisionsInput input, HttpContext http, MatchReviewDecisions decisions, CancellationToken ct) =>
            TypedResults.Ok(await decisions.DecideManyAsync(http.OrganisationAccess(), input, ct)))
            .RequireRole(MemberRole.Editor).WithName("DecideMatchReviews")
            .WithDescription($"Confirms the reviews in `confirm` and rejects those in `reject` (at most {MatchReviewDecisions.MaxBatch} ids in all), each decided on its own. "
                + "Returns, per id, `outcome` (linked, separated, alreadyDecided, notFound, refused: the row's OS ID belongs to another facility) "
                + "and the `facilityId` the row is linked to. Sending the same request again changes nothing.");
    }
}
