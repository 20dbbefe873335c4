using System.Security.Claims;
using Microsoft.AspNetCore.Components.Endpoints;

namespace CommonThread.Web.Platform.Identity;

/// <summary>
/// Sends a person who must set up two-factor sign-in before anything else (see
/// <see cref="ITwoFactorRequirement.BlocksEverythingAsync"/>) to the page that sets it up, from every
/// other page. Only pages, only for the sign-in cookie: API calls are refused by the services they
/// reach, with a ProblemDetails that says why, and the account pages (sign-out among them) stay open.
/// </summary>
public static class TwoFactorGate
{
    public const string SetupPath = "/account/two-factor";

    public static void UseTwoFactorGate(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && !http.Request.Path.StartsWithSegments("/account")
            && http.User.Identity is { IsAuthenticated: true, AuthenticationType: not IdentityRegistration.ApiTokenScheme }
            && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && http.RequestServices.GetService<ITwoFactorRequirement>() is { } requirement
            && await requirement.BlocksEverythingAsync(userId, http.RequestAborted))
        {
            http.Response.Redirect(SetupPath);
            return;
        }

        await next(http);
    });
}
