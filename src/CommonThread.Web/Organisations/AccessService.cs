using CommonThread.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Organisations;

/// <summary>What the current caller may do in one organisation.</summary>
/// <param name="UsesTwoFactor">Whether the person behind the request has two-factor sign-in on (true for the command line and the demo seed).</param>
public sealed record OrganisationAccess(Organisation Organisation, MemberRole Role, bool UsesTwoFactor = true)
{
    public const string TwoFactorSetupPath = TwoFactorGate.SetupPath;

    /// <summary>The organisation requires two-factor sign-in and this member has not set it up: they may do nothing in it until they do.</summary>
    public bool TwoFactorMissing => Organisation.RequiresTwoFactor && !UsesTwoFactor;

    public bool Allows(MemberRole needed) => !TwoFactorMissing && Role >= needed;

    /// <summary>For services: refuses (403) a caller whose role is below what the change needs, whatever page or endpoint called.</summary>
    public OrganisationAccess Require(MemberRole needed) =>
        TwoFactorMissing ? throw TwoFactorRefusal(Organisation)
        : Allows(needed) ? this
        : throw Forbidden("role", RoleNeeded(needed, Organisation));

    /// <summary>
    /// For services: refuses (403) an organisation of another kind with <paramref name="refusal"/>, written where it is
    /// called ("Only a union organisation does this.") so the kinds are named in words of each language, never as codes.
    /// </summary>
    public OrganisationAccess RequireKind(Phrase refusal, params OrganisationKind[] kinds) => kinds.Contains(Organisation.Kind) ? this
        : throw Forbidden("organisation", refusal);

    /// <summary>The role named as a word of the reader's language: one sentence per role, since a template cannot translate a code.</summary>
    public static Phrase RoleNeeded(MemberRole needed, Organisation organisation) => needed switch
    {
        MemberRole.Viewer => Phrase.Of("This needs the Viewer role in {0}.", organisation.Name),
        MemberRole.Editor => Phrase.Of("This needs the Editor role in {0}.", organisation.Name),
        _ => Phrase.Of("This needs the Owner role in {0}.", organisation.Name),
    };

    public static Phrase TwoFactorWords(Organisation organisation) => organisation.Kind == OrganisationKind.PlatformAdmin
        ? Phrase.Of("Platform administrators must use two-factor sign-in. Turn it on at {0} first.", TwoFactorSetupPath)
        : Phrase.Of("{0} requires two-factor sign-in. Turn it on at {1} first.", organisation.Name, TwoFactorSetupPath);

    public static RuleViolation TwoFactorRefusal(Organisation organisation) => Forbidden("twoFactor", TwoFactorWords(organisation));

    /// <summary>A 403 in words given as a Phrase: its template is a literal where the Phrase is made, which is where the translation check reads it.</summary>
    private static RuleViolation Forbidden(string field, Phrase words) => new(field, words, StatusCodes.Status403Forbidden);
}

/// <summary>Whether the caller runs the platform: not at all, not until they turn on two-factor sign-in, or yes.</summary>
public enum PlatformAdminStanding
{
    None,
    NeedsTwoFactor,
    Admin,
}

/// <summary>
/// The one place that answers "may the current caller see or act on this organisation's data".
/// Not being a member and the organisation not existing give the same answer, so ids of competing
/// organisations cannot be probed. Membership, role and two-factor sign-in are read on every request
/// (no cache), so a removal, a demotion or a new requirement takes effect on the caller's next request,
/// for the browser session and for every API token alike.
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
                join u in db.Set<AppUser>() on m.UserId equals u.Id
                where m.UserId == userId && o.Id == organisationId
                select new { Organisation = o, m.Role, u.TwoFactorEnabled })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new OrganisationAccess(row.Organisation, Cap(row.Role), row.TwoFactorEnabled);
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
                join u in db.Set<AppUser>() on m.UserId equals u.Id
                where m.UserId == userId && (tokenOrg == null || o.Id == tokenOrg)
                orderby o.Name
                select new { Organisation = o, m.Role, u.TwoFactorEnabled })
            .ToListAsync(ct);
        return rows.Select(r => new OrganisationAccess(r.Organisation, Cap(r.Role), r.TwoFactorEnabled)).ToList();
    }

    /// <summary>Platform admins (owners of a platform-admin organisation) may create organisations, once they use two-factor sign-in.</summary>
    public async Task<bool> IsPlatformAdminAsync(CancellationToken ct = default) =>
        await PlatformAdminStandingAsync(ct) == PlatformAdminStanding.Admin;

    public async Task<PlatformAdminStanding> PlatformAdminStandingAsync(CancellationToken ct = default)
    {
        var owners = (await MineAsync(ct)).Where(a => a.Organisation.Kind == OrganisationKind.PlatformAdmin && a.Role >= MemberRole.Owner).ToList();
        return owners.Count == 0 ? PlatformAdminStanding.None
            : owners.Any(a => a.Allows(MemberRole.Owner)) ? PlatformAdminStanding.Admin
            : PlatformAdminStanding.NeedsTwoFactor;
    }

    // A token never has more power than the role it was given, nor more than its maker has now.
    private MemberRole Cap(MemberRole membershipRole) =>
        Enum.TryParse<MemberRole>(me.TokenRole, out var tokenRole) && tokenRole < membershipRole ? tokenRole : membershipRole;
}
