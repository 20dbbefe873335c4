using CommonThread.Web.Organisations;

namespace CommonThread.Web.Homework;

/// <summary>
/// For a register keeper (supplier, intermediary): work orders paid late or short, and those flagged when given
/// out (below the minimum wage, more work than legal hours allow). For a brand: the same flags summed over the
/// suppliers its chain reaches, as the Homework page shows them. Both from the Homework feature's own lists.
/// </summary>
public sealed class HomeworkDashboardPanel(WorkOrderService orders, HomeworkOverview overview) : IDashboardPanel
{
    /// <summary>The latest orders looked at: payments older than these have long been settled or flagged already.</summary>
    public const int Latest = 5000;
    private const int Shown = 5;

    public async Task<DashboardPanel?> ReadAsync(OrganisationAccess access, CancellationToken ct)
    {
        if (!OrganisationTabs.Offers(access.Organisation.Kind, "homework"))
        {
            return null;
        }

        if (access.Organisation.Kind is not (OrganisationKind.Supplier or OrganisationKind.Intermediary))
        {
            var suppliers = await overview.ForBrandAsync(access, ct);
            return new DashboardPanel("homework", 40, "Homework", "homework",
            [
                new("homework-suppliers", "Suppliers giving out home work", suppliers.Count(s => s.Homeworkers > 0), false),
                new("homework-overload-flags", "Work orders flagged for too much work", suppliers.Sum(s => s.OverloadFlags), true),
                new("homework-open-plans", "Open homework action plans", suppliers.Sum(s => s.OpenActionPlans), false),
            ], []);
        }

        var list = await orders.ListAsync(access, ct, take: Latest);
        var late = list.Where(o => o.PaidLate || o.ShortPaid).ToList();
        var flagged = list.Where(o => o.BelowMinimumWage || o.Overload).ToList();
        var items = late.Select(o => Item(o, o.ShortPaid ? "not fully paid; was due" : "paid late; was due", o.PayBy))
            .Concat(flagged.Except(late).Select(o => Item(o, o.BelowMinimumWage ? "below the minimum wage" : "more work than legal hours allow", null)))
            .Take(Shown).ToList();
        return new DashboardPanel("homework", 40, "Homework", "homework",
        [
            new("homework-late-payments", "Work orders paid late or short", late.Count, true),
            new("homework-flagged-orders", "Flagged work orders", flagged.Count, true),
        ], items,
            list.Count == 0 ? null : new DashboardChart("Work orders", ["Work orders"],
            [
                ("Paid late or short", [late.Count]), ("Below the minimum wage", [list.Count(o => o.BelowMinimumWage)]),
                ("Too much work", [list.Count(o => o.Overload)]), ("No flags", [list.Count(o => !(o.PaidLate || o.ShortPaid || o.BelowMinimumWage || o.Overload))]),
            ]));
    }

    private static DashboardItem Item(WorkOrderDto o, string note, DateOnly? on) =>
        new($"{o.HomeworkerName} · {o.Style} {o.Operation}", $"homework/{o.HomeworkerId}", note, on, true);
}
