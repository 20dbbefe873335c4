using CommonThread.Web.Grievances;

namespace CommonThread.Tests.Grievances;

/// <summary>
/// The statistics table read as an adversary would: every group it shows, the total, and what is
/// public — that each dimension's groups add up to the total, and that a country's figure is the sum
/// of its facilities'. Nothing hidden may come out of that arithmetic.
/// </summary>
public sealed class StatisticsSuppressionSpecs
{
    private static readonly (string Facility, string Country, int Weight)[] Facilities =
        [("Dhaka Knitwear", "BD", 8), ("Chittagong Denim", "BD", 3), ("Gazipur Sweaters", "BD", 1), ("Angkor Stitch", "KH", 5), ("Phnom Penh Wovens", "KH", 1), ("Hanoi Garments", "VN", 2), ("", "", 1)];

    [Fact]
    public void No_hidden_group_can_be_worked_out_by_subtraction_from_the_shown_groups_and_totals_over_many_random_case_sets()
    {
        var random = new Random(20260311);
        var runsWithHiddenGroups = 0;
        for (var run = 0; run < 400; run++)
        {
            var cases = RandomCases(random);
            var rows = GrievanceStatistics.Rows(cases);

            Assert.All(rows.Where(r => !r.Suppressed), r => Assert.Equal(TrueCount(cases, r), r.Cases));
            Assert.All(rows.Where(r => !r.Suppressed), r => Assert.True(r.Cases >= GrievanceStatistics.MinimumGroup));
            var leak = Leak(rows);
            Assert.True(leak is null, $"run {run} ({cases.Count} cases): {leak}");
            runsWithHiddenGroups += rows.Any(r => r.Suppressed) && rows.Any(r => !r.Suppressed) ? 1 : 0;
        }

        Assert.True(runsWithHiddenGroups > 200, $"only {runsWithHiddenGroups} runs mixed shown and hidden groups");
    }

    [Fact]
    public void A_single_small_group_beside_a_shown_total_takes_the_next_smallest_group_into_hiding()
    {
        var day = new DateOnly(2026, 3, 1);
        CaseFacts Case(GrievanceCategory category) => new(category, ReporterGender.Woman, "Dhaka Knitwear", "BD", day, null, null);
        var cases = Enumerable.Repeat(GrievanceCategory.WagesAndPayment, 9).Concat(Enumerable.Repeat(GrievanceCategory.WorkingHours, 6))
            .Append(GrievanceCategory.HealthAndSafety).Select(Case).ToList();

        var rows = GrievanceStatistics.Rows(cases);
        var category = rows.Where(r => r.Dimension == "category").ToDictionary(r => r.Group, r => r.Cases);

        Assert.Equal(16, rows.Single(r => r.Dimension == "total").Cases);
        Assert.Equal(9, category["WagesAndPayment"]);
        Assert.Null(category["WorkingHours"]); // 16 − 9 = 7 hidden in two groups, not 1 in one
        Assert.Null(category["HealthAndSafety"]);
    }

    private static List<CaseFacts> RandomCases(Random random)
    {
        var categories = Enum.GetValues<GrievanceCategory>();
        var genders = Enum.GetValues<ReporterGender>();
        var day = new DateOnly(2026, 1, 1);
        return Enumerable.Range(0, random.Next(0, 45)).Select(_ =>
        {
            var facility = Pick(random, Facilities, f => f.Weight);
            return new CaseFacts(categories[Math.Min(categories.Length - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 2) * categories.Length))],
                genders[Math.Min(genders.Length - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * genders.Length) is var g && random.Next(4) == 0 ? (g + 2) % genders.Length : g)],
                facility.Facility == "" ? null : facility.Facility, facility.Country == "" ? null : facility.Country, day, day.AddDays(random.Next(1, 9)), null);
        }).ToList();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static int TrueCount(List<CaseFacts> cases, CaseStatisticsRow row) => row.Dimension switch
    {
        "total" => cases.Count,
        "facility" => cases.Count(c => GrievanceStatistics.FacilityLabel(c.Facility ?? "") == row.Group),
        "country" => cases.Count(c => GrievanceStatistics.CountryLabel(c.Country ?? "") == row.Group),
        "category" => cases.Count(c => c.Category.ToString() == row.Group),
        _ => cases.Count(c => c.Gender.ToString() == row.Group),
    };

    /// <summary>
    /// What subtraction gives away, or null: a hidden group's exact size, or hidden groups that are
    /// together smaller than the minimum (their sum is the whole minus the shown parts).
    /// </summary>
    private static string? Leak(IReadOnlyList<CaseStatisticsRow> rows)
    {
        var known = rows.Where(r => !r.Suppressed).ToDictionary(r => (r.Dimension, r.Group), r => r.Cases!.Value);
        var total = ("total", "all");
        var sums = rows.Where(r => r.Dimension != "total").GroupBy(r => r.Dimension)
            .Select(d => (Whole: total, Parts: d.Select(r => (r.Dimension, r.Group)).ToList()))
            .Concat(Facilities.GroupBy(f => f.Country).Select(c => (
                Whole: ("country", GrievanceStatistics.CountryLabel(c.Key)),
                Parts: c.Select(f => ("facility", GrievanceStatistics.FacilityLabel(f.Facility))).Where(p => rows.Any(r => (r.Dimension, r.Group) == p)).ToList())))
            .Where(s => rows.Any(r => (r.Dimension, r.Group) == s.Whole))
            .ToList();
        for (var learned = true; learned;)
        {
            learned = false;
            foreach (var (whole, parts) in sums)
            {
                var unknown = parts.Where(p => !known.ContainsKey(p)).ToList();
                if (known.TryGetValue(whole, out var sum) && unknown.Count == 1)
                {
                    known[unknown[0]] = sum - parts.Where(known.ContainsKey).Sum(p => known[p]);
                    learned = true;
                }
                else if (!known.ContainsKey(whole) && unknown.Count == 0)
                {
                    known[whole] = parts.Sum(p => known[p]);
                    learned = true;
                }
            }
        }

        if (rows.FirstOrDefault(r => r.Suppressed && known.ContainsKey((r.Dimension, r.Group))) is { } found)
        {
            return $"hidden {found.Dimension} '{found.Group}' works out at {known[(found.Dimension, found.Group)]}";
        }

        foreach (var (whole, parts) in sums.Where(s => known.ContainsKey(s.Whole)))
        {
            var hidden = parts.Where(p => !known.ContainsKey(p)).ToList();
            var together = known[whole] - parts.Where(known.ContainsKey).Sum(p => known[p]);
            if (hidden.Count > 0 && together < GrievanceStatistics.MinimumGroup)
            {
                return $"hidden {string.Join(", ", hidden)} hold {together} cases together";
            }
        }

        return null;
    }
}
