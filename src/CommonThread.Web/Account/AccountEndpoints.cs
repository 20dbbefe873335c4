using CommonThread.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CommonThread.Web.Account;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a form post with its anti-forgery token, so another site cannot sign people out.
    /// The token is checked here because no form field is bound, and minimal APIs check it only then.
    /// </summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form has expired. Reload the page and try again.");
                }

                await signIn.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
}
