namespace CommonThread.Matching;

/// <summary>
/// How alike two word lists are, forgiving word order, spacing, one-letter typos and abbreviations: words run
/// together on one side and apart on the other are aligned first ("rahimafroz" / "rahim afroz"), then each word of the
/// shorter list is paired with its best unused partner, and the pair scores 1 when equal, less when one edit apart or
/// when one is a prefix of the other. Words may carry weights (how rare they are), so a shared rare word counts for
/// more than a shared "road".
/// </summary>
public static class TokenSimilarity
{
    public static double Of(IReadOnlyList<string> a, IReadOnlyList<string> b, Func<string, double>? weight = null) => Compare(a, b, weight).Dice;

    /// <summary>
    /// <see cref="Of"/> (Dice: what both share over what both say) and Containment: what both share over what the side
    /// that says less says. "Ashulia, Savar" is wholly contained in "Plot 5, Nischintapur, Ashulia, Savar, Dhaka".
    /// </summary>
    public static (double Dice, double Containment) Compare(IReadOnlyList<string> a, IReadOnlyList<string> b, Func<string, double>? weight = null)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return (0, 0);
        }

        (a, b) = (Aligned(a, b), Aligned(b, a));
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        Span<bool> used = stackalloc bool[Math.Min(longer.Count, 64)];
        double matchedA = 0, matchedB = 0;
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
                matchedA += weight is null ? best : best * weight(word);
                matchedB += weight is null ? best : best * weight(longer[bestIndex]);
            }
        }

        var (totalShorter, totalLonger) = weight is null ? (shorter.Count, longer.Count) : (Total(shorter, weight), Total(longer, weight));
        var dice = (matchedA + matchedB) / (totalShorter + totalLonger);
        var containment = Math.Max(matchedA / totalShorter, matchedB / totalLonger);
        return (dice, Math.Min(1, containment));
    }

    /// <summary>The sum of the words' weights: how much a list of words says.</summary>
    internal static double Total(IReadOnlyList<string> words, Func<string, double> weight)
    {
        var total = 0.0;
        foreach (var word in words)
        {
            total += weight(word);
        }

        return total;
    }

    /// <summary>
    /// <paramref name="words"/> with each run of 2–3 neighbouring words that spell one word of <paramref name="other"/>
    /// joined into it ("kan lovin" → "kanlovin" when the other side says "kanlovin"). Words with digits are never joined:
    /// "unit 1" must not become "unit1" to meet a sister's name.
    /// </summary>
    internal static IReadOnlyList<string> Aligned(IReadOnlyList<string> words, IReadOnlyList<string> other)
    {
        List<string>? result = null;
        var i = 0;
        while (i < words.Count)
        {
            var (length, joined) = i < words.Count - 1 ? JoinedAt(words, i, other) : (0, null);
            if (length > 0)
            {
                result ??= [.. words.Take(i)];
                result.Add(joined!);
                i += length;
            }
            else
            {
                result?.Add(words[i]);
                i++;
            }
        }

        return result ?? words;
    }

    /// <summary>The word of <paramref name="other"/> that 2 or 3 words from <paramref name="start"/> spell, and how many.</summary>
    private static (int Length, string? Word) JoinedAt(IReadOnlyList<string> words, int start, IReadOnlyList<string> other)
    {
        var first = words[start];
        if (!IsLetters(first))
        {
            return (0, null);
        }

        foreach (var target in other)
        {
            if (target.Length < 4 || target.Length <= first.Length || !target.StartsWith(first, StringComparison.Ordinal))
            {
                continue;
            }

            var spelled = first.Length;
            for (var k = start + 1; k < words.Count && k < start + 3; k++)
            {
                if (!IsLetters(words[k]) || !target.AsSpan(spelled).StartsWith(words[k], StringComparison.Ordinal))
                {
                    break;
                }

                spelled += words[k].Length;
                if (spelled == target.Length)
                {
                    return (k - start + 1, target);
                }
            }
        }

        return (0, null);
    }

    private static bool IsLetters(string word) => !word.Any(char.IsAsciiDigit);

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
