using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

public sealed record CountGroup(string Group, int? Count);

/// <summary>What a brand sees of homework at one supplier: counts and shares, never a homeworker's name.</summary>
public sealed record SupplierHomework(string Supplier, int Homeworkers, IReadOnlyList<CountGroup> ByGender, IReadOnlyList<CountGroup> ByArea, int WorkOrders,
    double? ShareAtOrAboveMinimumWage, double? SharePaidOnTime, int OverloadFlags, int OpenActionPlans);

public sealed record RegularityRow(Guid HomeworkerId, string Name, int QuotaMinutes, decimal GivenMinutes, bool WithoutWork);

/// <summary>
/// Aggregates of the homework registers: for a brand, over the facilities its chain reaches (areas
/// with fewer than <see cref="MinimumGroup"/> homeworkers are not counted separately, so nobody is
/// singled out); for the keeper, the month's work per homeworker against the agreed quota.
/// </summary>
public sealed class HomeworkOverview(AppDbContext db, SupplyChainService chain, TimeProvider clock)
{
    public const int MinimumGroup = 5;

    public async Task<IReadOnlyList<SupplierHomework>> ForBrandAsync(OrganisationAccess access, CancellationToken ct)
    {
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Select(v => v.Facility.Id).ToList();
        var homeworkers = await (from h in db.Set<Homeworker>()
                                 join o in db.Set<Organisation>() on h.OrganisationId equals o.Id
                                 where h.FacilityId != null && facilities.Contains(h.FacilityId.Value)
                                 select new { h.Id, h.OrganisationId, Supplier = o.Name, h.Gender, h.Area }).AsNoTracking().ToListAsync(ct);
        var ids = homeworkers.Select(h => h.Id).ToList();
        var orders = await db.Set<WorkOrder>().AsNoTracking().Where(w => ids.Contains(w.HomeworkerId)).ToListAsync(ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var returns = (await db.Set<PieceReturn>().AsNoTracking().Where(r => orderIds.Contains(r.WorkOrderId)).ToListAsync(ct)).ToLookup(r => r.WorkOrderId);
        var payments = (await db.Set<HomeworkPayment>().AsNoTracking().Where(p => orderIds.Contains(p.WorkOrderId)).ToListAsync(ct)).ToLookup(p => p.WorkOrderId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ordersBySupplier = orders.ToLookup(o => o.OrganisationId);
        var supplierIds = homeworkers.Select(h => h.OrganisationId).Distinct().ToList();
        var openPlans = (await db.Set<ActionPlan>().AsNoTracking().Where(p => supplierIds.Contains(p.OrganisationId) && p.ClosedOn == null)
            .Select(p => p.OrganisationId).ToListAsync(ct)).CountBy(id => id).ToDictionary();
        return homeworkers.GroupBy(h => (h.OrganisationId, h.Supplier)).OrderBy(g => g.Key.Supplier).Select(g =>
        {
            var supplierOrders = ordersBySupplier[g.Key.OrganisationId].Where(o => g.Any(h => h.Id == o.HomeworkerId)).ToList();
            var checkedForWage = supplierOrders.Where(o => o.MinimumHourlyWage is not null).ToList();
            var summaries = supplierOrders.Select(o => WorkOrderService.Summary(o, "", returns[o.Id].ToList(), payments[o.Id].ToList(), today))
                .Where(s => s.PayBy is { } due && (due < today || s.Paid >= s.Owed)).ToList();
            return new SupplierHomework(g.Key.Supplier, g.Count(), Groups(g.Select(h => h.Gender.ToString())), Groups(g.Select(h => h.Area)), supplierOrders.Count,
                checkedForWage.Count == 0 ? null : (double)checkedForWage.Count(o => !o.BelowMinimumWage) / checkedForWage.Count,
                summaries.Count == 0 ? null : (double)summaries.Count(s => !s.PaidLate) / summaries.Count,
                supplierOrders.Count(o => o.Overload), openPlans.GetValueOrDefault(g.Key.OrganisationId));
        }).ToList();
    }

    /// <summary>Every homeworker of the keeper with the standard minutes of work given in a month, against their quota.</summary>
    public async Task<IReadOnlyList<RegularityRow>> RegularityAsync(OrganisationAccess access, int year, int month, CancellationToken ct)
    {
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var homeworkers = await db.Set<Homeworker>().AsNoTracking().Where(h => h.OrganisationId == access.Organisation.Id)
            .Select(h => new { h.Id, h.Name, h.MonthlyQuotaMinutes }).ToListAsync(ct);
        var given = (await db.Set<WorkOrder>().AsNoTracking()
                .Where(w => w.OrganisationId == access.Organisation.Id && w.IssuedOn >= first && w.IssuedOn < next)
                .Select(w => new { w.HomeworkerId, w.Quantity, w.StandardMinutesPerPiece }).ToListAsync(ct))
            .GroupBy(w => w.HomeworkerId).ToDictionary(g => g.Key, g => g.Sum(w => w.Quantity * w.StandardMinutesPerPiece));
        return homeworkers.Select(h => new RegularityRow(h.Id, h.Name, h.MonthlyQuotaMinutes, given.GetValueOrDefault(h.Id), !given.ContainsKey(h.Id)))
            .OrderByDescending(r => r.WithoutWork).ThenBy(r => r.GivenMinutes - r.QuotaMinutes).ToList();
    }

    /// <summary>Counts per group; groups under the minimum are pooled as "other" (and that too is hidden if still small).</summary>
    private static IReadOnlyList<CountGroup> Groups(IEnumerable<string> values)
    {
        var counts = values.GroupBy(v => v).Select(g => (g.Key, Count: g.Count())).ToList();
        var shown = counts.Where(c => c.Count >= MinimumGroup).OrderByDescending(c => c.Count).Select(c => new CountGroup(c.Key, c.Count)).ToList();
        var pooled = counts.Where(c => c.Count < MinimumGroup).Sum(c => c.Count);
        if (pooled > 0)
        {
            shown.Add(new CountGroup("other", pooled >= MinimumGroup ? pooled : null));
        }

        return shown;
    }
}
