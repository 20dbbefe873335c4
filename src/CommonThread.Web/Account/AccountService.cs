using System.Net.Mail;
using CommonThread.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Localization;
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
            throw new RuleViolation("displayName", Phrase.Of("A name of 1 to {0} characters is required.", DisplayNameMaxLength));
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

    /// <summary>
    /// Identity's refusal in words of our own: its descriptions are English only, so each kind of failure is one literal
    /// sentence said in the reader's language. A password is told every rule at once (IdentityRegistration sets them),
    /// since Identity lists each broken rule apart; a failure no form can cause keeps Identity's words as a value.
    /// </summary>
    private void ThrowOnFailure(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var codes = result.Errors.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.Any(c => c.StartsWith("Password", StringComparison.Ordinal)))
        {
            throw new RuleViolation("password", Phrase.Of("A password has at least {0} characters, with at least one digit and one lowercase letter.", users.Options.Password.RequiredLength));
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)) || codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new RuleViolation("email", "There is an account with this email already.");
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.InvalidEmail)) || codes.Contains(nameof(IdentityErrorDescriber.InvalidUserName)))
        {
            throw new RuleViolation("email", "Enter a valid email address.");
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new RuleViolation("email", "Someone else changed this at the same time. Please try again.");
        }

        throw new RuleViolation("email", Phrase.Of("The account could not be changed: {0}", string.Join(" ", result.Errors.Select(e => e.Description))));
    }
}
