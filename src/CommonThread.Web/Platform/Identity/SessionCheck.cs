using System.Security.Claims;
using CommonThread.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Platform.Identity;

/// <summary>
/// Checks the sign-in cookie against the account on every request, instead of Identity's default of
/// every 30 minutes: a suspended account (<see cref="AccountLock"/>), a new password or a reset security stamp ends every open
/// browser session on its next request. One small indexed read per signed-in request; no cookie is
/// re-issued for it.
/// </summary>
internal static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        var account = userId is null ? null : await services.GetRequiredService<AppDbContext>().Set<AppUser>().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || account.SecurityStamp != stamp || AccountLock.IsSuspended(account.LockoutEnd))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
