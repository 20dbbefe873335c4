using CommonThread.Web.Organisations;

namespace CommonThread.Web.Audits;

/// <summary>
/// Corrective action plans with items past their due date or still open, and items done but not yet verified:
/// from the plan list the organisation sees (runs the facility, follows the plan, or was invited to review it).
/// </summary>
public sealed class CorrectivePlansDashboardPanel(CorrectivePlanService plans) : IDashboardPanel
{
    private const int Shown = 5;

    public async Task<DashboardPanel?> ReadAsync(OrganisationAccess access, CancellationToken ct)
    {
        if (!OrganisationTabs.Offers(access.Organisation.Kind, "corrective-plans"))
        {
            return null;
        }

        var all = await plans.ListAsync(access, ct);
        var open = all.Where(p => p.Open > 0).OrderByDescending(p => p.Overdue).ToList();
        var overdueItems = all.Sum(p => p.Overdue);
        var openItems = all.Sum(p => p.Open) - overdueItems;
        var toVerify = all.Sum(p => p.Items - p.Open - p.Verified);
        var items = open.Take(Shown).Select(p => new DashboardItem($"{p.Title} · {p.Facility}", $"corrective-plans/{p.Id}",
            p.Overdue > 0 ? "has items past their due date" : "has open items", null, p.Overdue > 0)).ToList();
        return new DashboardPanel("corrective-plans", 30, "Corrective action plans", "corrective-plans",
        [
            new("plans-overdue", "Plans with items past their due date", all.Count(p => p.Overdue > 0), true),
            new("plans-open", "Plans with open items", open.Count, false),
            new("plan-items-to-verify", "Items done, not yet verified", toVerify, true),
        ], items,
            all.Sum(p => p.Items) == 0 ? null : new DashboardChart("Corrective action items", ["Items"],
            [
                ("Past their due date", [overdueItems]), ("Open", [openItems]), ("Done, not yet verified", [toVerify]), ("Verified", [all.Sum(p => p.Verified)]),
            ]));
    }
}
