namespace CommonThread.Web.Grievances;

/// <summary>One cell of a table that is the sum of others: each facility's cases add up to its country's, each dimension's to the total.</summary>
public sealed record CellSum(int Whole, IReadOnlyList<int> Parts);

/// <summary>
/// Complementary suppression. Hiding the groups under the minimum is not enough: with the total
/// shown, a dimension with one hidden group gives it away (total minus the shown groups), and two
/// hidden groups of one case each give away that together they are two. So, as long as arithmetic on
/// what is shown — subtracting shown parts from a shown or worked-out whole, adding up fully shown
/// parts — yields a hidden group's size, or hidden groups that together are under the minimum, the
/// smallest shown part of that sum is hidden too (the whole, when no part is left). Each round hides
/// one more cell, so it ends; it hides the smallest cells, which tell the least.
/// </summary>
public static class CellSuppression
{
    public static IReadOnlySet<int> Hidden(IReadOnlyList<int> counts, IReadOnlyList<CellSum> sums, int minimum)
    {
        var hidden = Enumerable.Range(0, counts.Count).Where(i => counts[i] < minimum).ToHashSet();
        while (NextToHide(counts, sums, hidden, minimum) is { } next)
        {
            hidden.Add(next);
        }

        return hidden;
    }

    private static int? NextToHide(IReadOnlyList<int> counts, IReadOnlyList<CellSum> sums, HashSet<int> hidden, int minimum)
    {
        var known = Known(counts, sums, hidden);
        foreach (var sum in sums.Where(s => known.Contains(s.Whole)))
        {
            var unknown = sum.Parts.Where(p => !known.Contains(p)).ToList();
            var givenAway = unknown.Count == 0
                ? hidden.Contains(sum.Whole) || sum.Parts.Any(hidden.Contains) // every cell of the sum follows from the others
                : unknown.Sum(p => counts[p]) < minimum; // the hidden parts are, together, a small group
            var shown = sum.Parts.Where(p => !hidden.Contains(p)).OrderBy(p => counts[p]).ThenBy(p => p).ToList();
            if (givenAway && (shown.Count > 0 || !hidden.Contains(sum.Whole)))
            {
                return shown.Count > 0 ? shown[0] : sum.Whole;
            }
        }

        return null;
    }

    /// <summary>The cells whose size follows from the shown ones by adding and subtracting along the sums.</summary>
    private static HashSet<int> Known(IReadOnlyList<int> counts, IReadOnlyList<CellSum> sums, HashSet<int> hidden)
    {
        var known = Enumerable.Range(0, counts.Count).Where(i => !hidden.Contains(i)).ToHashSet();
        for (var learned = true; learned;)
        {
            learned = false;
            foreach (var sum in sums)
            {
                var unknown = sum.Parts.Where(p => !known.Contains(p)).ToList();
                if (known.Contains(sum.Whole) && unknown.Count == 1)
                {
                    learned |= known.Add(unknown[0]);
                }
                else if (!known.Contains(sum.Whole) && unknown.Count == 0)
                {
                    learned |= known.Add(sum.Whole);
                }
            }
        }

        return known;
    }
}
