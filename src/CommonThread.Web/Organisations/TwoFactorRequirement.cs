using CommonThread.Data;
using CommonThread.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Organisations;

/// <summary>
/// Who must use two-factor sign-in: members of an organisation whose owners require it, and every
/// member of a platform-admin organisation (platform administrators), who may do nothing else until
/// they have set it up.
/// </summary>
internal sealed class TwoFactorRequirement(AppDbContext db) : ITwoFactorRequirement
{
    public async Task<IReadOnlyList<string>> RequiredByAsync(string userId, CancellationToken ct) =>
        await (
                from m in db.Set<Membership>()
                join o in db.Set<Organisation>() on m.OrganisationId equals o.Id
                where m.UserId == userId && (o.RequireTwoFactor || o.Kind == OrganisationKind.PlatformAdmin)
                orderby o.Name
                select o.Name)
            .ToListAsync(ct);

    public Task<bool> BlocksEverythingAsync(string userId, CancellationToken ct) => (
            from m in db.Set<Membership>()
            join o in db.Set<Organisation>() on m.OrganisationId equals o.Id
            join u in db.Set<AppUser>() on m.UserId equals u.Id
            where m.UserId == userId && o.Kind == OrganisationKind.PlatformAdmin && !u.TwoFactorEnabled
            select m.Id)
        .AnyAsync(ct);
}
