namespace CommonThread.Matching;

/// <summary>
/// How alike two word lists are, forgiving word order, one-letter typos and abbreviations:
/// each word of the shorter list is paired with its best unused partner, and the pair scores
/// 1 when equal, less when one edit apart or when one is a prefix of the other.
/// </summary>
public static class TokenSimilarity
{
    public static double Of(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        Span<bool> used = stackalloc bool[Math.Min(longer.Count, 64)];
        double matched = 0;
        foreach (var word in shorter)
        {
            var best = 0.0;
            var bestIndex = -1;
            for (var j = 0; j < used.Length; j++)
            {
                if (used[j])
                {
                    continue;
                }

                var score = WordScore(word, longer[j]);
                if (score > best)
                {
                    best = score;
                    bestIndex = j;
                    if (score >= 1)
                    {
                        break;
                    }
                }
            }

            if (bestIndex >= 0)
            {
                used[bestIndex] = true;
                matched += best;
            }
        }

        return 2 * matched / (a.Count + b.Count);
    }

    internal static double WordScore(string x, string y)
    {
        if (x == y)
        {
            return 1;
        }

        var shortLength = Math.Min(x.Length, y.Length);
        if (shortLength >= 3 && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)))
        {
            return 0.8; // an abbreviation: "knit" / "knitwear", "intl" handled by the normaliser
        }

        if (shortLength >= 4 && Math.Abs(x.Length - y.Length) <= 1 && WithinOneEdit(x, y))
        {
            return 0.85;
        }

        return 0;
    }

    /// <summary>True when one insertion, deletion, substitution or swap of neighbours turns x into y.</summary>
    internal static bool WithinOneEdit(string x, string y)
    {
        if (x.Length == y.Length)
        {
            var first = -1;
            for (var i = 0; i < x.Length; i++)
            {
                if (x[i] == y[i])
                {
                    continue;
                }

                if (first >= 0)
                {
                    // A second difference is fine only as the swap of two neighbours.
                    return i == first + 1 && x[first] == y[i] && x[i] == y[first] && x.AsSpan(i + 1).SequenceEqual(y.AsSpan(i + 1));
                }

                first = i;
            }

            return true;
        }

        var (longer, shorter) = x.Length > y.Length ? (x, y) : (y, x);
        var k = 0;
        while (k < shorter.Length && shorter[k] == longer[k])
        {
            k++;
        }

        return shorter.AsSpan(k).SequenceEqual(longer.AsSpan(k + 1));
    }
}
