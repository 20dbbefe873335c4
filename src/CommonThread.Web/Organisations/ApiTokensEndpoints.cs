using CommonThread.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommonThread.Web.Organisations;

public static class ApiTokensEndpoints
{
    public static void MapApiTokensEndpoints(this RouteGroupBuilder organisation)
    {
        organisation.MapGet("/tokens", async ([AsParameters] ListWindow window, HttpContext http, ApiTokenService tokens, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, OrganisationListOrders.Tokens, (await tokens.ListAsync(http.OrganisationAccess(), ct)).Select(ApiTokenDto.From).ToList())))
            .WithName("ListApiTokens").Paged("Newest first");
        organisation.MapPost("/tokens", Create).WithMetadata(new SharedLimitAttribute(RateLimitRegistration.TokenCreation)).WithName("CreateApiToken");
        organisation.MapDelete("/tokens/{tokenId:guid}", async (Guid tokenId, HttpContext http, ApiTokenService tokens, CancellationToken ct) =>
        {
            await tokens.RevokeAsync(http.OrganisationAccess(), tokenId, ct);
            return TypedResults.NoContent();
        }).WithName("RevokeApiToken");
    }

    private static async Task<Created<CreatedApiTokenDto>> Create(CreateApiTokenRequest request, HttpContext http, ApiTokenService tokens, CancellationToken ct)
    {
        var created = await tokens.CreateAsync(http.OrganisationAccess(), request.Name, request.Role!.Value, request.ExpiresInDays, ct);
        return TypedResults.Created($"tokens/{created.Token.Id}", new CreatedApiTokenDto(ApiTokenDto.From(created.Token), created.Secret));
    }
}
