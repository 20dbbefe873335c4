using CommonThread.Data;
using Microsoft.AspNetCore.Identity;

namespace CommonThread.Web.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a form post (with its anti-forgery token), never a link a third party can trigger.</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
}
