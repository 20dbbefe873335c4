using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.DueDiligence.RiskMethods;

/// <summary>A published method with its weights; <c>Chosen</c> says whether the caller's register scores by it.</summary>
public sealed record RiskMethodDto(Guid Id, string Publisher, string Name, string Version, DateOnly EffectiveFrom, string About,
    IReadOnlyDictionary<HumanRightsIssue, IReadOnlyDictionary<string, double>> Weights, DateTimeOffset PublishedAt, bool Chosen)
{
    public static RiskMethodDto From(RiskMethodView v, Guid? chosen) =>
        new(v.Id, v.Publisher, v.Method.Name, v.Method.Version, v.Method.EffectiveFrom, v.Method.About, v.Method.Issues, v.PublishedAt, v.Id == chosen);
}

public static class RiskMethodEndpoints
{
    /// <summary>Newest first (method ids are time-ordered).</summary>
    private static readonly ListOrder<RiskMethodDto> Newest = new ListOrder<RiskMethodDto>(m => m.Id).By(m => m.Id, descending: true);

    public static void MapRiskMethodEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Due diligence")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/risk-methods", async ([AsParameters] ListWindow window, HttpContext http, RiskMethodService methods, CancellationToken ct) =>
            {
                var chosen = (await methods.ChosenAsync(http.OrganisationAccess().Organisation.Id, ct))?.Id;
                return TypedResults.Ok(window.Answer(http, Newest, (await methods.ListAsync(ct)).Select(m => RiskMethodDto.From(m, chosen))));
            })
            .WithName("ListRiskMethods").Paged("Newest first", "The country risk methods initiatives published, each with its weights; the one the caller's register scores by is marked chosen (none: the platform's own).");
        group.MapPost("/risk-methods", async (RiskMethodInput input, HttpContext http, RiskMethodService methods, CancellationToken ct) =>
            {
                var access = http.OrganisationAccess();
                var method = await methods.PublishAsync(access, input, ct);
                return TypedResults.Created($"/api/organisations/{access.Organisation.Id}/risk-methods", RiskMethodDto.From(method, null));
            }).RequireRole(MemberRole.Editor).WithName("PublishRiskMethod")
            .WithDescription("An initiative publishes its own country risk method: weights per issue for the inputs the country context records. A version never changes; a change is a new version.");
        group.MapPut("/risk-method", async (RiskMethodChoiceInput input, HttpContext http, RiskMethodService methods, CancellationToken ct) =>
            {
                await methods.ChooseAsync(http.OrganisationAccess(), input, ct);
                return TypedResults.NoContent();
            }).RequireRole(MemberRole.Editor).WithName("ChooseRiskMethod")
            .WithDescription("The method the register scores country risk by, for its proposals, its page and its reports; no methodId: the platform's own.");
    }
}
