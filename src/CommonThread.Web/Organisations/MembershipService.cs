using CommonThread.Data;
using CommonThread.Web.Account;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Organisations;

public sealed record MemberView(string UserId, string Email, string DisplayName, MemberRole Role, DateTimeOffset JoinedAt);

public sealed record InvitationView(Guid Id, string Email, MemberRole Role, DateTimeOffset ExpiresAt);

/// <summary>An invitation link made (shown once); the same whether or not the address has an account.</summary>
public sealed record InviteOutcome(Guid InvitationId, string Secret);

public sealed class MembershipService(
    AppDbContext db,
    UserManager<AppUser> users,
    AccountService accounts,
    OrganisationService organisations,
    AuditLog audit,
    TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public const string InvitationSecretPrefix = "inv_";

    public async Task<IReadOnlyList<MemberView>> ListAsync(Guid organisationId, CancellationToken ct) =>
        await (
                from m in db.Set<Membership>().AsNoTracking()
                join u in db.Set<AppUser>().AsNoTracking() on m.UserId equals u.Id
                where m.OrganisationId == organisationId
                orderby u.DisplayName
                select new MemberView(u.Id, u.Email ?? "", u.DisplayName, m.Role, m.JoinedAt))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<InvitationView>> ListOpenInvitationsAsync(Guid organisationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Set<Invitation>().AsNoTracking()
            .Where(i => i.OrganisationId == organisationId && i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email)
            .Select(i => new InvitationView(i.Id, i.Email, i.Role, i.ExpiresAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Invites an address: a link the person accepts, whether or not they have an account (they sign in
    /// first if they do). The same work and the same answer either way, so an owner cannot find out who
    /// uses CommonThread; nobody is added to anything before they accept.
    /// </summary>
    public async Task<InviteOutcome> InviteAsync(OrganisationAccess access, string email, MemberRole role, CancellationToken ct)
    {
        var orgId = access.Organisation.Id;
        email = AccountService.ValidEmail(email);
        // Owners see their own members anyway, so saying so reveals nothing new.
        var normalized = users.NormalizeEmail(email);
        var alreadyMember = await (
                from m in db.Set<Membership>()
                join u in db.Set<AppUser>() on m.UserId equals u.Id
                where m.OrganisationId == orgId && u.NormalizedEmail == normalized
                select m.Id)
            .AnyAsync(ct);
        if (alreadyMember)
        {
            throw RuleViolation.Conflict("email", Phrase.Of("{0} is already a member.", email));
        }

        // A new invitation replaces an open one for the same address, so only the newest link works.
        var open = await db.Set<Invitation>().Where(i => i.OrganisationId == orgId && i.Email == email && i.AcceptedAt == null).ToListAsync(ct);
        db.RemoveRange(open);
        var secret = Secrets.New(InvitationSecretPrefix);
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            OrganisationId = orgId,
            Email = email,
            Role = role,
            SecretHash = Secrets.Hash(secret),
            InvitedByUserId = accounts.RequireUserId(),
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        db.Add(invitation);
        audit.Record(orgId, "member.invited", $"{email} as {role}");
        await db.SaveChangesAsync(ct);
        return new(invitation.Id, secret);
    }

    /// <summary>Creates an organisation and invites its first owner, together or not at all.</summary>
    public async Task<(Organisation Organisation, InviteOutcome Owner)> CreateOrganisationWithOwnerAsync(
        string name, OrganisationKind kind, string? countryCode, string ownerEmail, CancellationToken ct)
    {
        AccountService.ValidEmail(ownerEmail);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var organisation = await organisations.CreateAsync(name, kind, countryCode, ct);
        var owner = await InviteAsync(new OrganisationAccess(organisation, MemberRole.Owner), ownerEmail, MemberRole.Owner, ct);
        await tx.CommitAsync(ct);
        return (organisation, owner);
    }

    public async Task CancelInvitationAsync(OrganisationAccess access, Guid invitationId, CancellationToken ct)
    {
        var invitation = await db.Set<Invitation>()
            .FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == access.Organisation.Id && i.AcceptedAt == null, ct)
            ?? throw RuleViolation.NotFound("invitation");
        db.Remove(invitation);
        audit.Record(invitation.OrganisationId, "member.invitation-cancelled", invitation.Email);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The open invitation behind a link, with its organisation's name, or null.</summary>
    public async Task<(Invitation Invitation, string OrganisationName)?> FindOpenInvitationAsync(string secret, CancellationToken ct)
    {
        var hash = Secrets.Hash(secret);
        var now = clock.GetUtcNow();
        var found = await (
                from i in db.Set<Invitation>()
                join o in db.Set<Organisation>() on i.OrganisationId equals o.Id
                where i.SecretHash == hash && i.AcceptedAt == null && i.ExpiresAt > now
                select new { Invitation = i, o.Name })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Invitation, found.Name);
    }

    /// <summary>Creates the invited person's account and membership together, or neither.</summary>
    public async Task<AppUser> AcceptInvitationAsync(string secret, string displayName, string password, CancellationToken ct)
    {
        var (invitation, _) = await FindOpenInvitationAsync(secret, ct)
            ?? throw new RuleViolation("invitation", "This invitation link is not valid any more. Ask for a new one.", StatusCodes.Status404NotFound);
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            // Only the holder of the link learns this, which any sign-up form would tell them too.
            throw new RuleViolation("email", "There is an account with this email already: sign in to accept the invitation.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await accounts.CreateUserAsync(invitation.Email, displayName, password);
        invitation.AcceptedAt = clock.GetUtcNow();
        db.Add(new Membership { OrganisationId = invitation.OrganisationId, UserId = user.Id, Role = invitation.Role, JoinedAt = clock.GetUtcNow() });
        audit.Record(invitation.OrganisationId, "member.joined", $"{invitation.Email} accepted the invitation as {invitation.Role}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public Task ChangeRoleAsync(OrganisationAccess access, string userId, MemberRole role, CancellationToken ct) =>
        ChangeMembershipAsync(access, userId, role, ct);

    public Task RemoveAsync(OrganisationAccess access, string userId, CancellationToken ct) =>
        ChangeMembershipAsync(access, userId, newRole: null, ct);

    /// <summary>Gives a member a new role, or removes them (null), refusing when no owner would remain.</summary>
    private Task ChangeMembershipAsync(OrganisationAccess access, string userId, MemberRole? newRole, CancellationToken ct) =>
        db.RunSerializableAsync(async () =>
        {
            var orgId = access.Organisation.Id;
            var found = await (
                    from m in db.Set<Membership>()
                    join u in db.Set<AppUser>() on m.UserId equals u.Id
                    where m.OrganisationId == orgId && m.UserId == userId
                    select new { Membership = m, u.Email })
                .FirstOrDefaultAsync(ct) ?? throw RuleViolation.NotFound("member");
            var otherOwners = await db.Set<Membership>()
                .CountAsync(m => m.OrganisationId == orgId && m.Role == MemberRole.Owner && m.UserId != userId, ct);
            if (otherOwners == 0 && newRole != MemberRole.Owner)
            {
                throw RuleViolation.Conflict("userId", "An organisation must keep at least one owner. Make someone else owner first.");
            }

            var membership = found.Membership;
            if (newRole is { } role)
            {
                audit.Record(orgId, "member.role-changed", $"{found.Email}: {membership.Role} → {role}");
                membership.Role = role;
            }
            else
            {
                audit.Record(orgId, "member.removed", $"{found.Email} ({membership.Role})");
                db.Remove(membership);
                await RevokeTokensAsync(orgId, userId, found.Email, ct);
            }

            await db.SaveChangesAsync(ct);
        }, ct);

    // Their tokens already fail without the membership; revoking them too keeps them dead if the person is invited back.
    private async Task RevokeTokensAsync(Guid orgId, string userId, string? email, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.Set<ApiToken>().Where(t => t.OrganisationId == orgId && t.UserId == userId && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
            audit.Record(orgId, "token.revoked", $"API token '{token.Name}' ({token.Prefix}…) of {email}, removed from the organisation");
        }
    }
}
