using CommonThread.Web.Organisations;

namespace CommonThread.Web.SupplyChain;

/// <summary>Claims and their confirmation: links awaiting the other side, buyers named by suppliers, union presence and its verification.</summary>
public static class RelationshipEndpoints
{
    public static void MapRelationshipEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/link-claims", async (HttpContext http, LinkConfirmations links, CancellationToken ct) =>
            TypedResults.Ok(await links.ForConfirmerAsync(http.OrganisationAccess(), ct)))
            .WithName("ListLinkClaims");
        group.MapPost("/link-claims/decide", async (LinkDecisionInput input, HttpContext http, LinkConfirmations links, CancellationToken ct) =>
            TypedResults.Ok(await links.DecideAsync(http.OrganisationAccess(), input, ct)))
            .RequireRole(MemberRole.Editor).WithName("DecideLinkClaims");
        group.MapPost("/buyers", async (NameBuyerInput input, HttpContext http, LinkConfirmations links, CancellationToken ct) =>
        {
            var link = await links.NameBuyerAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created($"links/{link.Id}", SupplyLinkDto.From(link));
        }).RequireRole(MemberRole.Editor).WithName("NameBuyer");

        group.MapGet("/union-presence", async (HttpContext http, UnionPresenceService presence, CancellationToken ct) =>
            TypedResults.Ok(await presence.ForAsync(http.OrganisationAccess(), ct)))
            .WithName("ListUnionPresence");
        group.MapPost("/union-presence", async (PresenceClaimInput input, HttpContext http, UnionPresenceService presence, CancellationToken ct) =>
        {
            var claim = await presence.ClaimAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created($"union-presence/{claim.Id}", claim);
        }).RequireRole(MemberRole.Editor).WithName("ClaimUnionPresence");
        group.MapPost("/union-presence/{presenceId:guid}/decide", async (Guid presenceId, PresenceDecisionInput input, HttpContext http, UnionPresenceService presence, CancellationToken ct) =>
            TypedResults.Ok(await presence.DecideAsync(http.OrganisationAccess(), presenceId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("DecideUnionPresence");
        group.MapPost("/union-presence/{presenceId:guid}/end", async (Guid presenceId, HttpContext http, UnionPresenceService presence, CancellationToken ct) =>
            TypedResults.Ok(await presence.EndAsync(http.OrganisationAccess(), presenceId, ct)))
            .RequireRole(MemberRole.Editor).WithName("EndUnionPresence");
    }
}
