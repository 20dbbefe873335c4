using CommonThread.Data;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Organisations;

/// <summary>
/// The signed-in person's own open invitations (those addressed to their account's email): they see
/// them, accept them (only then do they become a member) or decline them. Someone else's invitation
/// looks exactly like one that does not exist.
/// </summary>
public sealed class InvitationInbox(AppDbContext db, CurrentUser me, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyInvitationDto>> ListAsync(CancellationToken ct)
    {
        if (await MyEmailAsync(ct) is not { } email)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        return await (
                from i in db.Set<Invitation>()
                join o in db.Set<Organisation>() on i.OrganisationId equals o.Id
                where i.Email == email && i.AcceptedAt == null && i.ExpiresAt > now
                orderby o.Name
                select new MyInvitationDto(i.Id, o.Id, o.Name, i.Role, i.ExpiresAt))
            .ToListAsync(ct);
    }

    /// <summary>Makes the signed-in person a member with the invitation's role; returns the organisation's id.</summary>
    public async Task<Guid> AcceptAsync(Guid invitationId, CancellationToken ct)
    {
        var invitation = await MineAsync(invitationId, ct);
        var userId = me.UserId!;
        var now = clock.GetUtcNow();
        invitation.AcceptedAt = now;
        // Someone who became a member meanwhile keeps the role they have; the invitation is simply used up.
        if (!await db.Set<Membership>().AnyAsync(m => m.OrganisationId == invitation.OrganisationId && m.UserId == userId, ct))
        {
            db.Add(new Membership { OrganisationId = invitation.OrganisationId, UserId = userId, Role = invitation.Role, JoinedAt = now });
        }

        audit.Record(invitation.OrganisationId, "member.joined", $"{invitation.Email} accepted the invitation as {invitation.Role}");
        await db.SaveChangesAsync(ct);
        return invitation.OrganisationId;
    }

    public async Task DeclineAsync(Guid invitationId, CancellationToken ct)
    {
        var invitation = await MineAsync(invitationId, ct);
        db.Remove(invitation);
        audit.Record(invitation.OrganisationId, "member.invitation-declined", invitation.Email);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Invitation> MineAsync(Guid invitationId, CancellationToken ct)
    {
        if (me.TokenOrganisationId is not null)
        {
            throw new RuleViolation("token", "An API token cannot answer invitations; sign in to accept or decline.", StatusCodes.Status403Forbidden);
        }

        var email = await MyEmailAsync(ct);
        var now = clock.GetUtcNow();
        return await db.Set<Invitation>()
            .FirstOrDefaultAsync(i => i.Id == invitationId && email != null && i.Email == email && i.AcceptedAt == null && i.ExpiresAt > now, ct)
            ?? throw RuleViolation.NotFound("invitation");
    }

    // Invitations are stored with the address in lower case (AccountService.ValidEmail), as accounts are.
    private async Task<string?> MyEmailAsync(CancellationToken ct) =>
        me.UserId is not { } userId ? null
        : (await db.Set<AppUser>().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct))?.ToLowerInvariant();
}
