using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

/// <summary>One group of cases: how many, and how long acknowledging and resolving took (median days). Null figures: the group is too small to show.</summary>
public sealed record CaseStatisticsRow(string Dimension, string Group, int? Cases, double? MedianDaysToAcknowledge, double? MedianDaysToClose)
{
    public bool Suppressed => Cases is null;
}

/// <summary>
/// What an organisation learns from the cases it is a party to, for its due-diligence report: counts
/// and times per facility, country, category and reporter gender. A group of fewer than
/// <see cref="MinimumGroup"/> cases is never shown, not even its count, so no worker can be singled out.
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
                           select new { c.Category, c.ReporterGender, c.ReceivedOn, c.AcknowledgedOn, c.ClosedOn, Facility = f == null ? null : f.Name, Country = f == null ? null : f.CountryCode })
            .AsNoTracking().ToListAsync(ct);
        var rows = new List<CaseStatisticsRow>();
        void Add<TKey>(string dimension, Func<(GrievanceCategory Category, ReporterGender Gender, string? Facility, string? Country), TKey> key, Func<TKey, string> label)
        {
            foreach (var group in cases.GroupBy(c => key((c.Category, c.ReporterGender, c.Facility, c.Country))).OrderBy(g => label(g.Key), StringComparer.Ordinal))
            {
                var list = group.ToList();
                rows.Add(list.Count < MinimumGroup
                    ? new(dimension, label(group.Key), null, null, null)
                    : new(dimension, label(group.Key), list.Count,
                        Median(list.Where(c => c.AcknowledgedOn is not null).Select(c => (double)(c.AcknowledgedOn!.Value.DayNumber - c.ReceivedOn.DayNumber))),
                        Median(list.Where(c => c.ClosedOn is not null).Select(c => (double)(c.ClosedOn!.Value.DayNumber - c.ReceivedOn.DayNumber)))));
            }
        }

        Add("total", _ => "all", _ => "all");
        Add("facility", c => c.Facility ?? "", f => f == "" ? "(no facility)" : f);
        Add("country", c => c.Country ?? "", c => c == "" ? "(no facility)" : Countries.NameOf(c));
        Add("category", c => c.Category, c => c.ToString());
        Add("reporter gender", c => c.Gender, g => g.ToString());
        return rows;
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
