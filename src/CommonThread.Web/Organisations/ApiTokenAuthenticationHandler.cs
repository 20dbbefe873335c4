using System.Security.Claims;
using System.Text.Encodings.Web;
using CommonThread.Web.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Organisations;

/// <summary>
/// Authenticates <c>Authorization: Bearer ct_…</c> as the member who made the token, within its organisation.
/// Platform names the scheme and chooses it for bearer requests; the tokens themselves are this feature's.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var found = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (found is not { } match)
        {
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked, or its maker is suspended.");
        }

        var (token, user) = match;

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Id),
            new(CurrentUser.TokenOrganisationClaim, token.OrganisationId.ToString()),
            new(CurrentUser.TokenRoleClaim, token.Role.ToString()),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityRegistration.ApiTokenScheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, IdentityRegistration.ApiTokenScheme));
    }
}
