using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

/// <summary>What the statistics need of a case: the groups it falls in and its dates.</summary>
public sealed record CaseFacts(GrievanceCategory Category, ReporterGender Gender, string? Facility, string? Country, DateOnly ReceivedOn, DateOnly? AcknowledgedOn, DateOnly? ClosedOn);

/// <summary>How many cases of one category came from one facility (a group large enough to show).</summary>
public sealed record CaseTally(Guid FacilityId, GrievanceCategory Category, int Cases);

/// <summary>One group of cases: how many, and how long acknowledging and resolving took (median days). Null figures: the group is too small to show.</summary>
public sealed record CaseStatisticsRow(string Dimension, string Group, int? Cases, double? MedianDaysToAcknowledge, double? MedianDaysToClose)
{
    public bool Suppressed => Cases is null;
}

/// <summary>
/// What an organisation learns from the cases it is a party to, for its due-diligence report: counts
/// and times per facility, country, category and reporter gender. A group of fewer than
/// <see cref="MinimumGroup"/> cases is never shown, not even its count, so no worker can be singled
/// out — nor can its count be worked out from the groups and totals that are shown.
/// </summary>
public sealed class GrievanceStatistics(AppDbContext db)
{
    public const int MinimumGroup = 5;

    public async Task<IReadOnlyList<CaseStatisticsRow>> ForAsync(OrganisationAccess access, CancellationToken ct)
    {
        var cases = await (from p in db.Set<CaseParty>()
                           join c in db.Set<GrievanceCase>() on p.CaseId equals c.Id
                           join f in db.Set<Facility>() on c.FacilityId equals f.Id into facilities
                           from f in facilities.DefaultIfEmpty()
                           where p.OrganisationId == access.Organisation.Id
                           select new CaseFacts(c.Category, c.ReporterGender, f == null ? null : f.Name, f == null ? null : f.CountryCode, c.ReceivedOn, c.AcknowledgedOn, c.ClosedOn))
            .AsNoTracking().ToListAsync(ct);
        return Rows(cases);
    }

    /// <summary>
    /// How many of the cases the organisation is a party to fall in each facility and category: counts only,
    /// for a risk register. Cells are suppressed as in <see cref="Rows"/>, with each facility's categories
    /// adding up to the facility's count and each category's facilities to the category's, as the
    /// statistics table shows those.
    /// </summary>
    public async Task<IReadOnlyList<CaseTally>> FacilityCategoryTalliesAsync(OrganisationAccess access, CancellationToken ct)
    {
        var cases = await (from p in db.Set<CaseParty>()
                           join c in db.Set<GrievanceCase>() on p.CaseId equals c.Id
                           where p.OrganisationId == access.Organisation.Id && c.FacilityId != null
                           select new { FacilityId = c.FacilityId!.Value, c.Category }).AsNoTracking().ToListAsync(ct);
        var cells = cases.GroupBy(c => (c.FacilityId, c.Category)).Select(g => (g.Key.FacilityId, g.Key.Category, Count: g.Count())).ToList();
        var facilities = cells.Select(c => c.FacilityId).Distinct().ToList();
        var categories = cells.Select(c => c.Category).Distinct().ToList();
        // Wholes first (facilities, then categories), then the cells, as CellSuppression reads indices.
        var counts = facilities.Select(f => cells.Where(c => c.FacilityId == f).Sum(c => c.Count))
            .Concat(categories.Select(k => cells.Where(c => c.Category == k).Sum(c => c.Count)))
            .Concat(cells.Select(c => c.Count)).ToList();
        var first = facilities.Count + categories.Count;
        var sums = facilities.Select((f, i) => new CellSum(i, cells.Select((c, j) => (c, j)).Where(x => x.c.FacilityId == f).Select(x => first + x.j).ToList()))
            .Concat(categories.Select((k, i) => new CellSum(facilities.Count + i, cells.Select((c, j) => (c, j)).Where(x => x.c.Category == k).Select(x => first + x.j).ToList())))
            .ToList();
        var hidden = CellSuppression.Hidden(counts, sums, MinimumGroup);
        return cells.Where((_, j) => !hidden.Contains(first + j)).Select(c => new CaseTally(c.FacilityId, c.Category, c.Count)).ToList();
    }

    /// <summary>
    /// The table for a set of cases. A group under the minimum is hidden, and so is any group (or the
    /// total) that would let a hidden one be worked out from what is shown: see <see cref="CellSuppression"/>.
    /// The sums an adversary can use are each dimension's groups adding up to the total, and each
    /// country's facilities adding up to the country.
    /// </summary>
    public static IReadOnlyList<CaseStatisticsRow> Rows(IReadOnlyList<CaseFacts> cases)
    {
        var cells = new List<(string Dimension, string Group, List<CaseFacts> Cases)>();
        var sums = new List<CellSum>();
        void Add<TKey>(string dimension, Func<CaseFacts, TKey> key, Func<TKey, string> label)
        {
            var first = cells.Count;
            cells.AddRange(cases.GroupBy(key).Select(g => (dimension, label(g.Key), g.ToList())).OrderBy(c => c.Item2, StringComparer.Ordinal));
            if (dimension != "total")
            {
                sums.Add(new(0, Enumerable.Range(first, cells.Count - first).ToList()));
            }
        }

        Add("total", _ => "all", _ => "all");
        Add("facility", c => c.Facility ?? "", FacilityLabel);
        Add("country", c => c.Country ?? "", CountryLabel);
        Add("category", c => c.Category, c => c.ToString());
        Add("reporter gender", c => c.Gender, g => g.ToString());
        var facilities = Enumerable.Range(0, cells.Count).Where(i => cells[i].Dimension == "facility").ToList();
        foreach (var country in Enumerable.Range(0, cells.Count).Where(i => cells[i].Dimension == "country"))
        {
            var within = facilities.Where(f => cells[f].Cases.All(c => cells[country].Cases.Contains(c))).ToList();
            if (within.Sum(f => cells[f].Cases.Count) == cells[country].Cases.Count)
            {
                sums.Add(new(country, within));
            }
        }

        var hidden = CellSuppression.Hidden(cells.Select(c => c.Cases.Count).ToList(), sums, MinimumGroup);
        return cells.Select((c, i) => hidden.Contains(i)
            ? new CaseStatisticsRow(c.Dimension, c.Group, null, null, null)
            : new CaseStatisticsRow(c.Dimension, c.Group, c.Cases.Count,
                Median(c.Cases.Where(x => x.AcknowledgedOn is not null).Select(x => (double)(x.AcknowledgedOn!.Value.DayNumber - x.ReceivedOn.DayNumber))),
                Median(c.Cases.Where(x => x.ClosedOn is not null).Select(x => (double)(x.ClosedOn!.Value.DayNumber - x.ReceivedOn.DayNumber))))).ToList();
    }

    public static string FacilityLabel(string facility) => facility == "" ? "(no facility)" : facility;

    public static string CountryLabel(string country) => country == "" ? "(no facility)" : Countries.NameOf(country);

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
