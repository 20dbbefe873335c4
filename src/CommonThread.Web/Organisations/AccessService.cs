using CommonThread.Data;
using CommonThread.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Organisations;

/// <summary>What the current caller may do in one organisation.</summary>
public sealed record OrganisationAccess(Organisation Organisation, MemberRole Role)
{
    public bool Allows(MemberRole needed) => Role >= needed;

    /// <summary>For services: refuses (403) a caller whose role is below what the change needs, whatever page or endpoint called.</summary>
    public OrganisationAccess Require(MemberRole needed) => Allows(needed) ? this
        : throw new Platform.Errors.RuleViolation("role", $"This needs the {needed} role in {Organisation.Name}.", StatusCodes.Status403Forbidden);

    /// <summary>For services: refuses (403) an organisation of another kind.</summary>
    public OrganisationAccess RequireKind(params OrganisationKind[] kinds) => kinds.Contains(Organisation.Kind) ? this
        : throw new Platform.Errors.RuleViolation("organisation", $"Only a {string.Join(" or ", kinds).ToLowerInvariant()} organisation does this.", StatusCodes.Status403Forbidden);
}

/// <summary>
/// The one place that answers "may the current caller see or act on this organisation's data".
/// Not being a member and the organisation not existing give the same answer, so ids of competing
/// organisations cannot be probed.
/// </summary>
public sealed class AccessService(AppDbContext db, CurrentUser me)
{
    public async Task<OrganisationAccess?> FindAsync(Guid organisationId, CancellationToken ct = default)
    {
        if (me.UserId is not { } userId || (me.TokenOrganisationId is { } tokenOrg && tokenOrg != organisationId))
        {
            return null;
        }

        var row = await (
                from m in db.Set<Membership>()
                join o in db.Set<Organisation>() on m.OrganisationId equals o.Id
                where m.UserId == userId && o.Id == organisationId
                select new { Organisation = o, m.Role })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new OrganisationAccess(row.Organisation, Cap(row.Role));
    }

    /// <summary>Every organisation the caller belongs to (only the token's, for an API token).</summary>
    public async Task<IReadOnlyList<OrganisationAccess>> MineAsync(CancellationToken ct = default)
    {
        if (me.UserId is not { } userId)
        {
            return [];
        }

        var tokenOrg = me.TokenOrganisationId;
        var rows = await (
                from m in db.Set<Membership>()
                join o in db.Set<Organisation>() on m.OrganisationId equals o.Id
                where m.UserId == userId && (tokenOrg == null || o.Id == tokenOrg)
                orderby o.Name
                select new { Organisation = o, m.Role })
            .ToListAsync(ct);
        return rows.Select(r => new OrganisationAccess(r.Organisation, Cap(r.Role))).ToList();
    }

    /// <summary>Platform admins (owners of a platform-admin organisation) may create organisations.</summary>
    public async Task<bool> IsPlatformAdminAsync(CancellationToken ct = default) =>
        (await MineAsync(ct)).Any(a => a.Organisation.Kind == OrganisationKind.PlatformAdmin && a.Allows(MemberRole.Owner));

    // A token never has more power than the role it was given, nor more than its maker has now.
    private MemberRole Cap(MemberRole membershipRole) =>
        Enum.TryParse<MemberRole>(me.TokenRole, out var tokenRole) && tokenRole < membershipRole ? tokenRole : membershipRole;
}
