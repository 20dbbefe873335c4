using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.Networks;

/// <summary>
/// Who may do what in a network: the one policy its service calls. Membership comes from the invited organisation's own
/// acceptance; a network an organisation is not in (or was only named in and declined) is not found, so its existence,
/// its members and its minutes are not told to outsiders.
/// </summary>
public sealed class NetworkAccess(AppDbContext db)
{
    /// <summary>Convene networks: the programme's constituents and the initiatives that run it.</summary>
    public static readonly OrganisationKind[] Conveners =
        [OrganisationKind.Initiative, OrganisationKind.Union, OrganisationKind.Government, OrganisationKind.EmployerOrganisation];

    public static bool MayConvene(OrganisationAccess access) => Conveners.Contains(access.Organisation.Kind) && access.Allows(MemberRole.Editor);

    /// <summary>The network and where the organisation stands in it; not found unless it is invited, a member or the convener.</summary>
    public async Task<(Network Network, MembershipStatus Status)> StandingAsync(Guid organisationId, Guid networkId, CancellationToken ct)
    {
        var found = await (from n in db.Set<Network>()
                           join m in db.Set<NetworkMember>() on n.Id equals m.NetworkId
                           where n.Id == networkId && m.OrganisationId == organisationId && (m.Status == MembershipStatus.Invited || m.Status == MembershipStatus.Joined)
                           select new { n, m.Status }).AsNoTracking().SingleOrDefaultAsync(ct)
            ?? throw RuleViolation.NotFound("network");
        return (found.n, found.Status);
    }

    /// <summary>A member reads the network whole and adds documents; an invited organisation only learns what it is invited to.</summary>
    public async Task<Network> RequireMemberAsync(OrganisationAccess access, Guid networkId, MemberRole role, CancellationToken ct)
    {
        access.Require(role);
        var (network, status) = await StandingAsync(access.Organisation.Id, networkId, ct);
        return status == MembershipStatus.Joined ? network
            : throw new RuleViolation("network", Phrase.Of("Join the network first: its meetings and documents are for its members."), StatusCodes.Status403Forbidden);
    }

    /// <summary>The convener invites, schedules meetings and keeps their minutes and action items.</summary>
    public async Task<Network> RequireConvenerAsync(OrganisationAccess access, Guid networkId, CancellationToken ct)
    {
        var network = await RequireMemberAsync(access, networkId, MemberRole.Editor, ct);
        return network.ConvenerOrganisationId == access.Organisation.Id ? network
            : throw new RuleViolation("network", Phrase.Of("Only the network's convener does this."), StatusCodes.Status403Forbidden);
    }

    /// <summary>Which of the organisations are members that joined: only they attend, own action items, are counted.</summary>
    public async Task<HashSet<Guid>> JoinedAsync(Guid networkId, CancellationToken ct) =>
        [.. await db.Set<NetworkMember>().Where(m => m.NetworkId == networkId && m.Status == MembershipStatus.Joined).Select(m => m.OrganisationId).ToListAsync(ct)];
}
