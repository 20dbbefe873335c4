using CommonThread.Web.Organisations;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// Supply links waiting for this organisation's answer, and union presence claims waiting for its verification
/// (initiatives, the platform's administrators): the same lists the Links to confirm and Union presence pages show.
/// </summary>
public sealed class SupplyChainDashboardPanel(LinkConfirmations links, UnionPresenceService presence) : IDashboardPanel
{
    private const int Shown = 5;

    public async Task<DashboardPanel?> ReadAsync(OrganisationAccess access, CancellationToken ct)
    {
        var kind = access.Organisation.Kind;
        var confirms = OrganisationTabs.Offers(kind, "buyers");
        var verifies = kind is OrganisationKind.Initiative or OrganisationKind.PlatformAdmin;
        if (!confirms && !verifies)
        {
            return null;
        }

        var pendingLinks = confirms ? (await links.ForConfirmerAsync(access, ct)).Where(l => l.Status == LinkStatus.Pending).OrderBy(l => l.StartDate).ToList() : [];
        var pendingClaims = verifies ? (await presence.ForAsync(access, ct)).Where(p => p.Status == PresenceStatus.Pending).OrderBy(p => p.ClaimedOn).ToList() : [];
        List<DashboardCount> counts = [];
        if (confirms)
        {
            counts.Add(new("links-to-confirm", "Links awaiting your confirmation", pendingLinks.Count, true));
        }

        if (verifies)
        {
            counts.Add(new("presence-to-verify", "Union presence claims to verify", pendingClaims.Count, true));
        }

        var items = pendingLinks.Select(l => new DashboardItem($"{l.Buyer} · {l.Facility}", "buyers", "claimed since", l.StartDate, false))
            .Concat(pendingClaims.Select(p => new DashboardItem($"{p.Union} · {p.Facility}", "union-presence", "claimed on", p.ClaimedOn, false)))
            .Take(Shown).ToList();
        return new DashboardPanel("supply-chain", 50, confirms ? "Links to confirm" : "Union presence", confirms ? "buyers" : "union-presence", counts, items);
    }
}
