namespace CommonThread.Web.Organisations;

/// <summary>One tab of an organisation's pages: its path under <c>/o/{id}</c> ("" for the dashboard) and its label's resource key.</summary>
public sealed record OrganisationTab(string Path, string Label);

/// <summary>
/// Which of the organisation's pages its navigation offers, by kind and role: each kind is shown its own
/// work. Only the links are chosen here; every page keeps its own access rule (a hidden link is not a
/// refusal), and a page offered here must serve the kind.
/// </summary>
public static class OrganisationTabs
{
    private const OrganisationKind B = OrganisationKind.Brand, S = OrganisationKind.Supplier, I = OrganisationKind.Intermediary,
        U = OrganisationKind.Union, N = OrganisationKind.Initiative, A = OrganisationKind.PlatformAdmin,
        G = OrganisationKind.Government, E = OrganisationKind.EmployerOrganisation;

    // Why each kind has its tab (DOMAIN.md, "Who uses it"):
    private static readonly (OrganisationTab Tab, OrganisationKind[] Kinds)[] Table =
    [
        (new("", "Dashboard"), [B, S, I, U, N, A, G, E]),
        // Buyers map their chain; suppliers and intermediaries keep the facilities they run; a union sees those where it is present.
        (new("facilities", "Facilities"), [B, S, I, U]),
        // Tiers exist only below a buyer: a union or an initiative has no chain of its own.
        (new("chain", "Chain"), [B, S, I]),
        (new("map", "Map"), [B, S, I, U]),
        // Facility lists, and a union's FoA facts, come in as files.
        (new("imports", "Imports"), [B, S, I, U]),
        // The operator answers a buyer's link; a brand answers a supplier that named it as buyer.
        (new("buyers", "Links to confirm"), [B, S, I]),
        // Unions claim presence; initiatives and the platform's administrators verify it.
        (new("union-presence", "Union presence"), [U, N, A]),
        // Every party to a case: manufacturer, union, brand; initiatives as escalation bodies.
        (new("grievances", "Grievances"), [B, S, I, U, N]),
        // Suppliers and intermediaries keep the registers (a supplier registers its first homeworker there); brands see their suppliers' figures.
        (new("homework", "Homework"), [B, S, I]),
        // Brands and initiatives send questionnaires; suppliers and intermediaries answer them for the facilities they run.
        (new("assessments", "Assessments"), [B, S, I, N]),
        // Buyers record audits and follow plans; operators work through them; unions review the plans they are invited to.
        (new("corrective-plans", "Audits"), [B, S, I, U]),
        // Agreements and rounds: brands report, suppliers rate brands and record payment terms, unions sign, initiatives run rounds.
        (new("accountability", "Accountability"), [B, S, U, N]),
        // Due diligence (OECD steps 2–3): buyers and suppliers keep registers of their chains' impacts; unions raise impacts where they are verified.
        (new("risks", "Due diligence"), [B, S, U]),
        // Initiatives publish country risk methods of their own; registers choose among them from the register's page.
        (new("risk-methods", "Country risk methods"), [N]),
        // The public library's publishers: initiatives and the tripartite constituents, unions, governments and employers' organisations (Knowledge/Library).
        (new("library", "Library"), [U, N, G, E]),
        // Collective agreements: their parties record them (employers, unions), register keepers import and publish them, buyers read those of their chain.
        (new("collective-agreements", "Collective agreements"), [B, S, I, U, N, G, E]),
        // Task forces and working groups: convened by initiatives and the constituents, joined by any organisation they invite.
        (new("networks", "Networks"), [B, S, I, U, N, G, E]),
        // Capacity building: the programme's trainers are initiatives and the constituents.
        (new("training", "Training"), [U, N, G, E]),
        (new("members", "Members"), [B, S, I, U, N, A, G, E]),
        (new("tokens", "API tokens"), [B, S, I, U, N, A, G, E]),
    ];

    private static readonly OrganisationTab AuditTrail = new("audit", "Audit trail");

    /// <summary>The tabs the member is offered, in the order shown.</summary>
    public static IReadOnlyList<OrganisationTab> For(OrganisationAccess access)
    {
        var tabs = Table.Where(t => t.Kinds.Contains(access.Organisation.Kind)).Select(t => t.Tab).ToList();
        if (access.Allows(MemberRole.Owner))
        {
            tabs.Add(AuditTrail);
        }

        return tabs;
    }

    /// <summary>Whether organisations of the kind are offered the tab at this path.</summary>
    public static bool Offers(OrganisationKind kind, string path) => Table.Any(t => t.Tab.Path == path && t.Kinds.Contains(kind));
}
