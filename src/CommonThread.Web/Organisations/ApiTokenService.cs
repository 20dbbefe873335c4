using CommonThread.Data;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Organisations;

public sealed record CreatedApiToken(ApiToken Token, string Secret);

public sealed class ApiTokenService(AppDbContext db, CurrentUser me, AuditLog audit, TimeProvider clock)
{
    public const string SecretPrefix = "ct_";
    public const int MaxLifetimeDays = 365;

    public async Task<CreatedApiToken> CreateAsync(OrganisationAccess access, string name, MemberRole role, int expiresInDays, CancellationToken ct)
    {
        if (me.TokenOrganisationId is not null)
        {
            throw new RuleViolation("token", "An API token cannot make other tokens; sign in to make one.", StatusCodes.Status403Forbidden);
        }

        if (role > access.Role)
        {
            // The role is named in words of its own, never as a code; an owner can give any role, so only these two refuse.
            throw access.Role == MemberRole.Viewer
                ? new RuleViolation("role", "A token cannot have more than your own role (Viewer).", StatusCodes.Status403Forbidden)
                : new RuleViolation("role", "A token cannot have more than your own role (Editor).", StatusCodes.Status403Forbidden);
        }

        if (expiresInDays is < 1 or > MaxLifetimeDays)
        {
            throw new RuleViolation("expiresInDays", Phrase.Of("A token lives between 1 and {0} days.", MaxLifetimeDays));
        }

        var now = clock.GetUtcNow();
        var secret = Secrets.New(SecretPrefix);
        var token = new ApiToken
        {
            OrganisationId = access.Organisation.Id,
            UserId = me.UserId ?? throw new InvalidOperationException("Tokens are made by a signed-in member."),
            Name = name.Trim(),
            Role = role,
            Prefix = secret[..10],
            SecretHash = Secrets.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(expiresInDays),
        };
        db.Add(token);
        audit.Record(token.OrganisationId, "token.created", $"API token '{token.Name}' ({token.Prefix}…) with role {role}, expires {token.ExpiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new(token, secret);
    }

    /// <summary>Owners see every token of the organisation; other members see their own.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        var tokens = db.Set<ApiToken>().AsNoTracking().Where(t => t.OrganisationId == access.Organisation.Id);
        if (!access.Allows(MemberRole.Owner))
        {
            tokens = tokens.Where(t => t.UserId == me.UserId);
        }

        return await tokens.OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
    }

    public async Task RevokeAsync(OrganisationAccess access, Guid tokenId, CancellationToken ct)
    {
        var token = await db.Set<ApiToken>()
            .FirstOrDefaultAsync(t => t.Id == tokenId && t.OrganisationId == access.Organisation.Id, ct);
        if (token is null || (token.UserId != me.UserId && !access.Allows(MemberRole.Owner)))
        {
            throw RuleViolation.NotFound("token");
        }

        if (token.RevokedAt is not null)
        {
            return;
        }

        token.RevokedAt = clock.GetUtcNow();
        audit.Record(token.OrganisationId, "token.revoked", $"API token '{token.Name}' ({token.Prefix}…)");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The active token with this secret and the user it acts for, or null (also while that user is locked out).</summary>
    public async Task<(ApiToken Token, AppUser User)?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(secret);
        var found = await (
                from t in db.Set<ApiToken>().AsNoTracking()
                join u in db.Set<AppUser>().AsNoTracking() on t.UserId equals u.Id
                where t.SecretHash == hash
                select new { Token = t, User = u })
            .FirstOrDefaultAsync(ct);
        // A suspended maker's tokens stop with them, from the next request (and work again once unlocked);
        // failed sign-ins at their address do not stop them (AccountLock).
        // Membership, role and two-factor sign-in are checked per request by AccessService.
        var now = clock.GetUtcNow();
        return found is not null && found.Token.IsActiveAt(now) && !AccountLock.IsSuspended(found.User.LockoutEnd) ? (found.Token, found.User) : null;
    }
}
