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

    /// <summary>Counted and summed by the database, a handful of rows per supplier, however many homeworkers and payments there are.</summary>
    public async Task<IReadOnlyList<SupplierHomework>> ForBrandAsync(OrganisationAccess access, CancellationToken ct)
    {
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Select(v => v.Facility.Id).ToList();
        var homeworkers = db.Set<Homeworker>().Where(h => h.FacilityId != null && facilities.Contains(h.FacilityId.Value));
        var byGender = await homeworkers.GroupBy(h => new { h.OrganisationId, h.Gender }).Select(g => new { g.Key.OrganisationId, g.Key.Gender, Count = g.Count() }).ToListAsync(ct);
        var byArea = await homeworkers.GroupBy(h => new { h.OrganisationId, h.Area }).Select(g => new { g.Key.OrganisationId, g.Key.Area, Count = g.Count() }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var orders = await db.Set<WorkOrder>().Where(w => homeworkers.Any(h => h.Id == w.HomeworkerId)).GroupBy(w => w.OrganisationId).Select(g => new
        {
            OrganisationId = g.Key, Count = g.Count(), Checked = g.Count(w => w.MinimumHourlyWage != null), AtOrAbove = g.Count(w => w.MinimumHourlyWage != null && !w.BelowMinimumWage),
            Overload = g.Count(w => w.Overload),
            // Payment is due once pieces are back and checked; it counts as on time when the whole amount came by the due day.
            PaymentDue = g.Count(w => w.PaymentDueOn != null && (w.PaymentDueOn < today || w.Paid >= w.AcceptedPieces * w.PieceRate - 0.005m)),
            PaidOnTime = g.Count(w => w.PaymentDueOn != null && w.Paid >= w.AcceptedPieces * w.PieceRate - 0.005m && !(w.LastPaidOn > w.PaymentDueOn)),
        }).ToListAsync(ct);
        var supplierIds = byGender.Select(g => g.OrganisationId).Distinct().ToList();
        var names = await db.Set<Organisation>().Where(o => supplierIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var openPlans = await db.Set<ActionPlan>().Where(p => supplierIds.Contains(p.OrganisationId) && p.ClosedOn == null)
            .GroupBy(p => p.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return supplierIds.Select(id =>
        {
            var o = orders.FirstOrDefault(x => x.OrganisationId == id);
            return new SupplierHomework(names[id], byGender.Where(g => g.OrganisationId == id).Sum(g => g.Count),
                Groups(byGender.Where(g => g.OrganisationId == id).Select(g => (g.Gender.ToString(), g.Count))), Groups(byArea.Where(g => g.OrganisationId == id).Select(g => (g.Area, g.Count))),
                o?.Count ?? 0, o is null || o.Checked == 0 ? null : (double)o.AtOrAbove / o.Checked, o is null || o.PaymentDue == 0 ? null : (double)o.PaidOnTime / o.PaymentDue,
                o?.Overload ?? 0, openPlans.GetValueOrDefault(id));
        }).OrderBy(s => s.Supplier).ToList();
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
    private static IReadOnlyList<CountGroup> Groups(IEnumerable<(string Group, int Count)> counts)
    {
        var all = counts.ToList();
        var shown = all.Where(c => c.Count >= MinimumGroup).OrderByDescending(c => c.Count).Select(c => new CountGroup(c.Group, c.Count)).ToList();
        var pooled = all.Where(c => c.Count < MinimumGroup).Sum(c => c.Count);
        if (pooled > 0)
        {
            shown.Add(new CountGroup("other", pooled >= MinimumGroup ? pooled : null));
        }

        return shown;
    }
}
