using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.DueDiligence.Remediation;

/// <summary>A grievance remedy as the party follows it; no words of the case, which its record keeps for the parties.</summary>
public sealed record RemedyDto(Guid CaseId, string Reference, string? Facility, GrievanceCategory Category, CaseStatus Status, PartyRole YourRole,
    DateOnly? ProposedOn, DateOnly? AgreedOn, DateOnly? ImplementedOn, int AgreementsPending, bool? ReporterSatisfied)
{
    public static RemedyDto From(CaseRemedy r) => new(r.Summary.Id, r.Summary.Reference, r.Summary.FacilityName, r.Summary.Category, r.Summary.Status, r.Summary.YourRole,
        r.ProposedOn, r.AgreedOn, r.ImplementedOn, r.AgreementsPending, r.ReporterSatisfied);
}

public static class RemediationEndpoints
{
    public static void MapRemediationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Due diligence")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/remedies", async ([AsParameters] ListWindow window, HttpContext http, RemediationService remediation, CancellationToken ct) =>
            {
                // Paged in the service's order, the page the remediation page shows, then shaped for the API.
                var page = RemediationService.StillToDoFirst.After(await remediation.RemediesAsync(http.OrganisationAccess(), ct), window.Cursor, window.Size);
                return TypedResults.Ok(window.Answer(http, new ListPage<RemedyDto>(page.Items.Select(RemedyDto.From).ToList(), page.Total, page.Next)));
            })
            .WithName("ListRemedies").Paged("Still to do first: waiting for agreement, then for implementation, then implemented; latest step first",
                "Remedies of the grievance cases the organisation is a party to: when each was proposed, agreed and implemented, how many parties' agreement the mechanism still needs, and whether the reporter said they are satisfied.");
    }
}
