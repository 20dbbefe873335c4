using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Knowledge.CollectiveAgreements;

/// <summary>A named party's answer: true, it is party to the agreement; false, it is not.</summary>
public sealed record CbaPartyAnswer(bool Party);

public static class CbaEndpoints
{
    public static void MapCbaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}/collective-agreements").RequireOrganisationMember().WithTags("Collective agreements")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", async ([AsParameters] CbaFilter filter, HttpContext http, CbaService agreements, CancellationToken ct) =>
                TypedResults.Ok(await agreements.SearchAsync(http.OrganisationAccess().Organisation.Id, filter.Parse(), ct)))
            .WithName("SearchCollectiveAgreements").WithSummary("The register as the organisation reads it")
            .WithDescription("Public agreements, those it recorded or is named party to, and the agreements of facilities it sees through a confirmed relationship; newest first, page by page, with the total.");
        group.MapGet("/{agreementId:guid}", async (Guid agreementId, HttpContext http, CbaService agreements, CancellationToken ct) =>
            TypedResults.Ok(await agreements.FindAsync(http.OrganisationAccess().Organisation.Id, agreementId, ct))).WithName("GetCollectiveAgreement");
        group.MapPost("", async (CbaInput input, HttpContext http, CbaService agreements, CancellationToken ct) =>
            {
                var recorded = await agreements.RecordAsync(http.OrganisationAccess(), input, ct);
                return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/collective-agreements/{recorded.Agreement.Id}", recorded);
            }).RequireRole(MemberRole.Editor).WithName("RecordCollectiveAgreement")
            .WithDescription("Organisations named as parties are asked to confirm; a facility's agreement is recorded by its employer or a union verified there, and shows in the facility's FoA profile.");
        group.MapPost("/import", async (HttpContext http, CbaImport import, CancellationToken ct) =>
            {
                var (fileName, bytes) = await UploadedFile.ReadAsync(http, ct);
                var makePublic = http.Request.Form["public"].ToString() is "true" or "on" or "yes";
                var report = await import.ImportAsync(http.OrganisationAccess(), fileName, bytes, makePublic, ct);
                return report.Problems.Count > 0 ? Results.UnprocessableEntity(report) : Results.Ok(report);
            }).RequireRole(MemberRole.Editor).WithName("ImportCollectiveAgreements")
            .WithDescription("A CSV or XLSX laid out as WageIndicator's collective-agreements dataset (title, country, level, start, and sector, unions, employers, signed, end, workers_covered, women_covered, language, text, and a column per topic: wages, working_time, leave, gender_equality, health_and_safety, freedom_of_association, dispute_settlement). All rows or none; \"public\"=true in the form publishes them.");
        group.MapDelete("/{agreementId:guid}", async (Guid agreementId, HttpContext http, CbaService agreements, CancellationToken ct) =>
            {
                await agreements.WithdrawAsync(http.OrganisationAccess(), agreementId, ct);
                return TypedResults.NoContent();
            }).RequireRole(MemberRole.Editor).WithName("WithdrawCollectiveAgreement")
            .WithDescription("The organisation that recorded the agreement withdraws it from the register; its confirmed parties are told.");
        group.MapPut("/{agreementId:guid}/party", async (Guid agreementId, CbaPartyAnswer answer, HttpContext http, CbaService agreements, CancellationToken ct) =>
                await agreements.ConfirmAsync(http.OrganisationAccess(), agreementId, answer.Party, ct) is { } agreement ? Results.Ok(agreement) : Results.NoContent())
            .RequireRole(MemberRole.Editor).WithName("AnswerCollectiveAgreementParty")
            .WithDescription("An organisation named as party confirms it (true) or says it is not (false: its name is no longer linked to it, and a private agreement is no longer shown to it).");
    }
}
