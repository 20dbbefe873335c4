using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;

namespace CommonThread.Web.SupplyChain;

/// <summary>Claims and their confirmation: links awaiting the other side, buyers named by suppliers, union presence and its verification.</summary>
public static class RelationshipEndpoints
{
    public static void MapRelationshipEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/link-claims", async ([AsParameters] ListWindow window, HttpContext http, LinkConfirmations links, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, SupplyChainListOrders.LinkClaims, await links.ForConfirmerAsync(http.OrganisationAccess(), ct))))
            .WithName("ListLinkClaims").Paged("Pending claims first, then by facility and buyer");
        group.MapPost("/link-claims/decide", async (LinkDecisionInput input, HttpContext http, LinkConfirmations links, CancellationToken ct) =>
            TypedResults.Ok(await links.DecideAsync(http.OrganisationAccess(), input, ct)))
            .RequireRole(MemberRole.Editor).WithName("DecideLinkClaims");
        group.MapPost("/buyers", async (NameBuyerInput input, HttpContext http, LinkConfirmations links, CancellationToken ct) =>
        {
            var link = await links.NameBuyerAsync(http.OrganisationAccess(), input, ct);
            return TypedResults.Created($"links/{link.Id}", SupplyLinkDto.From(link));
        }).RequireRole(MemberRole.Editor).WithName("NameBuyer");

        group.MapGet("/union-presence", async ([AsParameters] ListWindow window, HttpContext http, UnionPresenceService presence, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, SupplyChainListOrders.UnionPresence, await presence.ForAsync(http.OrganisationAccess(), ct))))
            .WithName("ListUnionPresence").Paged("By status, then facility");
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
