using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.SupplyChain;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.DueDiligence;

public static class DueDiligenceEndpoints
{
    public static void MapDueDiligenceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Due diligence")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/risks", async ([AsParameters] ListWindow window, HttpContext http, RiskRegisterService register, IStringLocalizer<Shell> text, CancellationToken ct) =>
                TypedResults.Ok(window.Answer(http, DueDiligenceListOrders.Impacts, (await register.ListAsync(http.OrganisationAccess(), ct)).Select(r => ImpactDto.From(r, text)))))
            .WithName("ListImpacts").Paged("Highest priority first (rank 1), each with why; for a union, then the impacts others hold on the facilities where it is verified (rank 0)", "The organisation's risk register.");
        group.MapPost("/risks", async (ImpactInput input, HttpContext http, RiskRegisterService register, IStringLocalizer<Shell> text, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            var impact = await register.RaiseAsync(access, input, ct);
            return TypedResults.Created($"/api/organisations/{access.Organisation.Id}/risks/{impact.Id}", ImpactDto.From(await register.FindAsync(access, impact.Id, ct), text));
        }).RequireRole(MemberRole.Editor).WithName("RaiseImpact");
        group.MapGet("/risks/{impactId:guid}", async (Guid impactId, HttpContext http, RiskRegisterService register, IStringLocalizer<Shell> text, CancellationToken ct) =>
            TypedResults.Ok(ImpactDto.From(await register.FindAsync(http.OrganisationAccess(), impactId, ct), text))).WithName("GetImpact");
        group.MapPut("/risks/{impactId:guid}/assessment", async (Guid impactId, ImpactAssessmentInput input, HttpContext http, RiskRegisterService register,
            IStringLocalizer<Shell> text, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            await register.AssessAsync(access, impactId, input, ct);
            return TypedResults.Ok(ImpactDto.From(await register.FindAsync(access, impactId, ct), text));
        }).RequireRole(MemberRole.Editor).WithName("AssessImpact");
        group.MapPost("/risks/{impactId:guid}/comments", async (Guid impactId, ImpactCommentInput input, HttpContext http, RiskRegisterService register,
            IStringLocalizer<Shell> text, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            await register.CommentAsync(access, impactId, input, ct);
            return TypedResults.Ok(ImpactDto.From(await register.FindAsync(access, impactId, ct), text));
        }).RequireRole(MemberRole.Editor).WithName("CommentOnImpact");
        group.MapGet("/risk-proposals", async ([AsParameters] ListWindow window, HttpContext http, RiskRegisterService register, IStringLocalizer<Shell> text, CancellationToken ct) =>
                TypedResults.Ok(window.Answer(http, DueDiligenceListOrders.Proposals, (await register.ProposalsAsync(http.OrganisationAccess(), ct)).Select(p => ImpactProposalDto.From(p, text)))))
            .WithName("ListImpactProposals").Paged("Most severe first", "Impacts the platform's records suggest and the register does not hold yet: audit findings, grievance counts (small groups suppressed), homework figures, country risk, impacts raised by unions at the chain's facilities, the organisation's purchasing practices (suppliers' pooled feedback as released to it, late payments in its own records).");
        group.MapPost("/risk-proposals", async (ProposalAcceptInput input, HttpContext http, RiskRegisterService register, IStringLocalizer<Shell> text, CancellationToken ct) =>
        {
            var access = http.OrganisationAccess();
            var impact = await register.AcceptAsync(access, input, text, ct);
            return TypedResults.Created($"/api/organisations/{access.Organisation.Id}/risks/{impact.Id}", ImpactDto.From(await register.FindAsync(access, impact.Id, ct), text));
        }).RequireRole(MemberRole.Editor).WithName("AcceptImpactProposal");
        group.MapGet("/country-risk", async (HttpContext http, CountryContextService countries, RiskMethods.RiskMethodService methods, CancellationToken ct) =>
            {
                var method = await methods.ForAsync(http.OrganisationAccess().Organisation.Id, ct);
                return TypedResults.Ok(new CountryRiskAnswer(method.Name, method.Version, method.EffectiveFrom, method.About, method.Issues,
                    (await countries.ListAsync(ct)).SelectMany(method.Assess).ToList()));
            })
            .WithName("GetCountryRisk").WithDescription("Each country's risk per issue with the inputs and weights that made it, by the method the organisation's register uses (the platform's own unless it chose one an initiative published), and the method's version.");
    }
}

/// <summary>The method that made the scores, and the scores.</summary>
public sealed record CountryRiskAnswer(string Method, string Version, DateOnly EffectiveFrom, string About,
    IReadOnlyDictionary<HumanRightsIssue, IReadOnlyDictionary<string, double>> Weights, IReadOnlyList<CountryIssueRisk> Risks);
