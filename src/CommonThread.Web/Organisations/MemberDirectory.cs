using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Organisations;

/// <summary>
/// Who belongs to which organisation, for features that reach people through their organisations
/// (notifications), so that memberships are read by this feature alone.
/// </summary>
public sealed class MemberDirectory(AppDbContext db)
{
    public async Task<IReadOnlyList<(Guid OrganisationId, string UserId)>> MembersOfAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken ct) =>
        (await db.Set<Membership>().Where(m => organisationIds.Contains(m.OrganisationId))
            .Select(m => new { m.OrganisationId, m.UserId }).ToListAsync(ct))
        .Select(m => (m.OrganisationId, m.UserId)).ToList();

    public async Task<IReadOnlyList<Guid>> OrganisationsOfAsync(string userId, CancellationToken ct) =>
        await db.Set<Membership>().Where(m => m.UserId == userId).Select(m => m.OrganisationId).ToListAsync(ct);
}
