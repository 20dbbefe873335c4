namespace CommonThread.Matching;

/// <summary>
/// How alike two names are letter by letter with the spaces taken out: "Rahimafroz Garments" and "Rahim Afroz Garmnts"
/// are one edit apart although their words barely agree. Read only when the words disagree, and only near-identical
/// spellings count, because two different names can share most of their letters.
/// </summary>
internal static class Spelling
{
    /// <summary>1 − edit distance ÷ the longer length; 0 when the lengths alone rule out <paramref name="atLeast"/>.</summary>
    public static double Similarity(string a, string b, double atLeast)
    {
        var longer = Math.Max(a.Length, b.Length);
        if (longer == 0 || Math.Abs(a.Length - b.Length) > (1 - atLeast) * longer || longer > 128)
        {
            return a == b && longer > 0 ? 1 : 0;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            current.CopyTo(previous);
        }

        return 1 - ((double)previous[b.Length] / longer);
    }
}
