using System.Net.Mail;
using CommonThread.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommonThread.Web.Account;

/// <summary>Creating people and setting passwords, with Identity's errors turned into field messages.</summary>
public sealed class AccountService(UserManager<AppUser> users, CurrentUser me)
{
    public const int DisplayNameMaxLength = 200;

    public string RequireUserId() => me.UserId ?? throw new InvalidOperationException("A signed-in member is required.");

    public async Task<AppUser> CreateUserAsync(string email, string displayName, string password)
    {
        email = ValidEmail(email);
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > DisplayNameMaxLength)
        {
            throw new RuleViolation("displayName", $"A name of 1 to {DisplayNameMaxLength} characters is required.");
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim() };
        ThrowOnFailure(await users.CreateAsync(user, password));
        return user;
    }

    public async Task ResetPasswordAsync(string email, string newPassword)
    {
        var user = await users.FindByEmailAsync(ValidEmail(email)) ?? throw RuleViolation.NotFound("email");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        ThrowOnFailure(await users.ResetPasswordAsync(user, token, newPassword));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>
    /// Suspends a person until unlocked: sign-in is refused, every open session ends on its next request
    /// (the security stamp changes) and their API tokens stop working (ApiTokenService checks the lockout).
    /// </summary>
    public async Task LockAsync(string email)
    {
        var user = await users.FindByEmailAsync(ValidEmail(email)) ?? throw RuleViolation.NotFound("email");
        ThrowOnFailure(await users.SetLockoutEnabledAsync(user, true));
        ThrowOnFailure(await users.SetLockoutEndDateAsync(user, AccountLock.Suspended));
        ThrowOnFailure(await users.UpdateSecurityStampAsync(user));
    }

    public async Task UnlockAsync(string email)
    {
        var user = await users.FindByEmailAsync(ValidEmail(email)) ?? throw RuleViolation.NotFound("email");
        ThrowOnFailure(await users.SetLockoutEndDateAsync(user, null));
        ThrowOnFailure(await users.ResetAccessFailedCountAsync(user));
    }

    public static string ValidEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        return trimmed.Length is > 0 and <= 256 && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed
            ? trimmed.ToLowerInvariant()
            : throw new RuleViolation("email", "Enter a valid email address.");
    }

    private static void ThrowOnFailure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var field = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email";
            throw new RuleViolation(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
