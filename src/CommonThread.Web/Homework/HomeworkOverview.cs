using CommonThread.Web.Platform.Errors;
using System.Text.Json;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

public sealed record CountGroup(string Group, int? Count);

/// <summary>What a brand sees of homework at one supplier: counts and shares, never a homeworker's name.</summary>
public sealed record SupplierHomework(string Supplier, int Homeworkers, IReadOnlyList<CountGroup> ByGender, IReadOnlyList<CountGroup> ByArea, int WorkOrders,
    double? ShareAtOrAboveMinimumWage, double? SharePaidOnTime, int OverloadFlags, int OpenActionPlans);

/// <summary>A facility's homework work orders, those checked against the minimum wage, those below it, and those that overloaded a homeworker.</summary>
public sealed record HomeworkFlagTally(Guid FacilityId, int WorkOrders, int WageChecked, int BelowMinimumWage, int Overload);

public sealed record RegularityRow(Guid HomeworkerId, string Name, int QuotaMinutes, decimal GivenMinutes, bool WithoutWork);

/// <summary>
/// Aggregates of the homework registers: for a brand, over the facilities its chain reaches (areas
/// with fewer than <see cref="MinimumGroup"/> homeworkers are not counted separately, so nobody is
/// singled out); for the keeper, the month's work per homeworker against the agreed quota.
/// </summary>
public sealed class HomeworkOverview(AppDbContext db, SupplyChainService chain, TimeProvider clock)
{
    public const int MinimumGroup = 5;

    /// <summary>How long counted figures are shown without a recount when no write forgot them (a write that raced a count is right again after this).</summary>
    public static readonly TimeSpan FiguresKeptFor = TimeSpan.FromMinutes(10);

    /// <summary>Per supplier over the facilities the brand's chain reaches, from figures counted by the database and kept until a write changes them.</summary>
    public async Task<IReadOnlyList<SupplierHomework>> ForBrandAsync(OrganisationAccess access, CancellationToken ct)
    {
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Select(v => v.Facility.Id).ToList();
        var figures = (await FiguresAsync(facilities, ct)).Where(f => f.Homeworkers > 0).ToList();
        var supplierIds = figures.Select(f => f.OrganisationId).Distinct().ToList();
        var names = await db.Set<Organisation>().Where(o => supplierIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var openPlans = await db.Set<ActionPlan>().Where(p => supplierIds.Contains(p.OrganisationId) && p.ClosedOn == null)
            .GroupBy(p => p.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return figures.GroupBy(f => f.OrganisationId).Select(g =>
        {
            var (wageChecked, paymentDue) = (g.Sum(f => f.WageChecked), g.Sum(f => f.PaymentDue));
            return new SupplierHomework(names[g.Key], g.Sum(f => f.Homeworkers), Groups(Merged(g.Select(f => f.ByGender))), Groups(Merged(g.Select(f => f.ByArea))),
                g.Sum(f => f.WorkOrders), wageChecked == 0 ? null : (double)g.Sum(f => f.AtOrAboveMinimumWage) / wageChecked,
                paymentDue == 0 ? null : (double)g.Sum(f => f.PaidOnTime) / paymentDue, g.Sum(f => f.Overload), openPlans.GetValueOrDefault(g.Key));
        }).OrderBy(s => s.Supplier).ToList();
    }

    /// <summary>
    /// Per facility the brand's chain reaches: how many work orders were checked against the minimum wage,
    /// how many fell below it, and how many overloaded a homeworker. Counts only, for a risk register.
    /// </summary>
    public async Task<IReadOnlyList<HomeworkFlagTally>> FacilityFlagsAsync(OrganisationAccess access, CancellationToken ct)
    {
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Select(v => v.Facility.Id).ToList();
        return (await FiguresAsync(facilities, ct)).Where(f => f.WorkOrders > 0).GroupBy(f => f.FacilityId)
            .Select(g => new HomeworkFlagTally(g.Key, g.Sum(f => f.WorkOrders), g.Sum(f => f.WageChecked), g.Sum(f => f.WageChecked - f.AtOrAboveMinimumWage), g.Sum(f => f.Overload)))
            .ToList();
    }

    /// <summary>
    /// After a keeper's write: its figures, and every keeper's figures at the facilities where it has
    /// homeworkers, are counted again on the next view. Called once the write is committed, so a
    /// count running beside the write cannot outlive it.
    /// </summary>
    public static Task ForgetFiguresAsync(AppDbContext db, Guid organisationId, CancellationToken ct) =>
        db.Set<HomeworkFigures>()
            .Where(f => f.OrganisationId == organisationId || db.Set<Homeworker>().Any(h => h.OrganisationId == organisationId && h.FacilityId == f.FacilityId))
            .ExecuteDeleteAsync(ct);

    /// <summary>The kept figures of each facility, counting those whose figures were forgotten, are from an earlier day, or are older than <see cref="FiguresKeptFor"/>.</summary>
    private async Task<List<HomeworkFigures>> FiguresAsync(List<Guid> facilities, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var startOfDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var freshSince = now - FiguresKeptFor > startOfDay ? now - FiguresKeptFor : startOfDay;
        var stored = await db.Set<HomeworkFigures>().AsNoTracking().Where(f => facilities.Contains(f.FacilityId)).ToListAsync(ct);
        var kept = stored.GroupBy(f => f.FacilityId).Where(g => g.All(f => f.CountedAt >= freshSince)).SelectMany(g => g).ToList();
        var toCount = facilities.Except(kept.Select(f => f.FacilityId)).ToList();
        if (toCount.Count == 0)
        {
            return kept;
        }

        var counted = await CountAsync(toCount, now, ct);
        // Facilities without homework have nothing to keep: a view of them writes nothing.
        if (counted.Count == 0 && !stored.Any(f => toCount.Contains(f.FacilityId)))
        {
            return kept;
        }

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<HomeworkFigures>().Where(f => toCount.Contains(f.FacilityId)).ExecuteDeleteAsync(ct);
            db.AddRange(counted);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another view counted the same facilities at the same moment and kept its figures: they are as fresh as these.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return [.. kept, .. counted];
    }

    /// <summary>Counted and summed by the database, a handful of rows per keeper and facility however many homeworkers and payments there are.</summary>
    private async Task<List<HomeworkFigures>> CountAsync(List<Guid> facilities, DateTimeOffset now, CancellationToken ct)
    {
        var homeworkers = db.Set<Homeworker>().Where(h => h.FacilityId != null && facilities.Contains(h.FacilityId.Value));
        var byGender = (await homeworkers.GroupBy(h => new { h.OrganisationId, h.FacilityId, h.Gender }).Select(g => new { g.Key.OrganisationId, g.Key.FacilityId, g.Key.Gender, Count = g.Count() })
            .ToListAsync(ct)).ToLookup(g => (g.OrganisationId, g.FacilityId!.Value), g => (g.Gender.ToString(), g.Count));
        var byArea = (await homeworkers.GroupBy(h => new { h.OrganisationId, h.FacilityId, h.Area }).Select(g => new { g.Key.OrganisationId, g.Key.FacilityId, g.Key.Area, Count = g.Count() })
            .ToListAsync(ct)).ToLookup(g => (g.OrganisationId, g.FacilityId!.Value), g => (g.Area, g.Count));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var orders = (await (from w in db.Set<WorkOrder>()
                             join h in homeworkers on w.HomeworkerId equals h.Id
                             group w by new { h.OrganisationId, h.FacilityId } into g
                             select new
                             {
                                 g.Key.OrganisationId, g.Key.FacilityId, Count = g.Count(), Checked = g.Count(w => w.MinimumHourlyWage != null),
                                 AtOrAbove = g.Count(w => w.MinimumHourlyWage != null && !w.BelowMinimumWage), Overload = g.Count(w => w.Overload),
                                 // Payment is due once pieces are back and checked; it is on time when the whole amount came by the due day.
                                 PaymentDue = g.Count(w => w.PaymentDueOn != null && (w.PaymentDueOn < today || w.Paid >= w.AcceptedPieces * w.PieceRate - 0.005m)),
                                 PaidOnTime = g.Count(w => w.PaymentDueOn != null && w.Paid >= w.AcceptedPieces * w.PieceRate - 0.005m && !(w.LastPaidOn > w.PaymentDueOn)),
                             }).ToListAsync(ct))
            .ToDictionary(o => (o.OrganisationId, o.FacilityId!.Value));
        return byGender.Select(g =>
        {
            var o = orders.GetValueOrDefault(g.Key);
            return new HomeworkFigures
            {
                OrganisationId = g.Key.OrganisationId, FacilityId = g.Key.Item2, CountedAt = now, Homeworkers = g.Sum(x => x.Count), ByGender = Stored(g), ByArea = Stored(byArea[g.Key]),
                WorkOrders = o?.Count ?? 0, WageChecked = o?.Checked ?? 0, AtOrAboveMinimumWage = o?.AtOrAbove ?? 0, Overload = o?.Overload ?? 0,
                PaymentDue = o?.PaymentDue ?? 0, PaidOnTime = o?.PaidOnTime ?? 0,
            };
        }).ToList();
    }

    private static string Stored(IEnumerable<(string Group, int Count)> counts) => JsonSerializer.Serialize(counts.ToDictionary(c => c.Group, c => c.Count));

    private static IEnumerable<(string Group, int Count)> Merged(IEnumerable<string> stored) =>
        stored.SelectMany(s => JsonSerializer.Deserialize<Dictionary<string, int>>(s)!).GroupBy(c => c.Key).Select(g => (g.Key, g.Sum(c => c.Value)));

    /// <summary>Every homeworker of the keeper with the standard minutes of work given in a month, against their quota.</summary>
    /// <param name="only">Just these homeworkers (one page of the register), when given.</param>
    public async Task<IReadOnlyList<RegularityRow>> RegularityAsync(OrganisationAccess access, int year, int month, CancellationToken ct, IReadOnlyCollection<Guid>? only = null)
    {
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var homeworkers = await db.Set<Homeworker>().AsNoTracking().Where(h => h.OrganisationId == access.Organisation.Id && (only == null || only.Contains(h.Id)))
            .Select(h => new { h.Id, h.Name, h.MonthlyQuotaMinutes }).ToListAsync(ct);
        var given = (await db.Set<WorkOrder>().AsNoTracking()
                .Where(w => w.OrganisationId == access.Organisation.Id && w.IssuedOn >= first && w.IssuedOn < next && (only == null || only.Contains(w.HomeworkerId)))
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
