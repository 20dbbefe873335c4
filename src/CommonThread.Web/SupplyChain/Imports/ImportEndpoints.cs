using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Errors;
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
        group.MapGet("/", async ([AsParameters] ListWindow window, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, SupplyChainListOrders.Imports, await imports.ListAsync(http.OrganisationAccess().Organisation.Id, ct))))
            .WithName("ListImports").Paged("Newest upload first");
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
        group.MapGet("/{importId:guid}/rows", async (Guid importId, string? outcome, string? limit, string? cursor, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
        {
            var size = ListPaging.Limit(limit);
            var after = cursor is null ? 0 : int.TryParse(ListPaging.Read(cursor, 1)[0], out var row) ? row : throw new RuleViolation("cursor", "This cursor is not one this list gave; start again without it.");
            var (rows, total) = await imports.RowsAsync(http.OrganisationAccess().Organisation.Id, importId, Outcome(outcome), after, 0, size, ct);
            ListPaging.Describe(http, total, rows.Count == size ? ListPaging.Cursor(rows[^1].Row.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
            return TypedResults.Ok(rows);
        }).WithName("ListImportRows")
            .WithDescription("Each row's outcome (matched, new, review, known, problem) by row number: planned while the import waits to be started "
                + "(once `rows` on the import is not null), what happened once it completed. `outcome` filters; paged with `limit` and `cursor`. "
                + "A facility is given by its registry fields only.");
        group.MapGet("/{importId:guid}/rows.csv", async (Guid importId, string? outcome, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
            TypedResults.File(await imports.RowsCsvAsync(http.OrganisationAccess().Organisation.Id, importId, Outcome(outcome), ct), "text/csv; charset=utf-8", $"import-{importId}-rows.csv"))
            .WithName("ImportRowsCsv");
        group.MapDelete("/{importId:guid}", async (Guid importId, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
        {
            await imports.DiscardAsync(http.OrganisationAccess(), importId, ct);
            return TypedResults.NoContent();
        }).RequireRole(MemberRole.Editor).WithName("DiscardImport").WithDescription("Deletes an import that was not started (or failed), with its file and preview.");
        group.MapPost("/{importId:guid}/start", async (Guid importId, HttpContext http, FacilityImportService imports, CancellationToken ct) =>
            TypedResults.Accepted($"../{importId}", await imports.StartAsync(http.OrganisationAccess(), importId, ct)))
            .RequireRole(MemberRole.Editor).WithName("StartImport");

        group.MapGet("/reviews", async ([AsParameters] ListWindow window, HttpContext http, ReviewQueue queue, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, await queue.PendingAsync(http.OrganisationAccess().Organisation.Id, window.Cursor, window.Size, ct))))
            .WithName("ListMatchReviews").Paged("In a fixed order (by id)", "Rows waiting for a person, each beside the facility it may be. `evidence` says why the pair is uncertain, part by part "
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

    /// <summary>An outcome filter as written in a query (any case); a word that is none is a field-level problem.</summary>
    public static RowOutcome? Outcome(string? outcome) =>
        string.IsNullOrWhiteSpace(outcome) ? null
        : Enum.TryParse<RowOutcome>(outcome, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(outcome, out _) ? parsed
        : throw new RuleViolation("outcome", "The outcome is one of matched, new, review, known, problem.");
}
